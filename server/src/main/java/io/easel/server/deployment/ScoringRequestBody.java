package io.easel.server.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the body of a scoring request: one JSON object of input fields, or a JSON array of them. */
final class ScoringRequestBody {

    private ScoringRequestBody() {}

    /**
     * @throws ScoringRequestException (400) for an empty body, malformed JSON, or anything but objects
     */
    static List<Map<String, Object>> records(JsonMapper json, String body) {
        if (body == null || body.isBlank()) {
            throw ScoringRequestException.badRequest("The request body is empty: send one JSON object of input "
                    + "fields, or a list of them");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ScoringRequestException.badRequest("Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root.isObject()) {
            return List.of(record(json, root));
        }
        if (!root.isArray()) {
            throw ScoringRequestException.badRequest("Expected one JSON object of input fields, or a list of them; got "
                    + kind(root));
        }
        List<Map<String, Object>> records = new ArrayList<>();
        int position = 0;
        for (JsonNode element : root.values()) {
            position++;
            if (!element.isObject()) {
                throw ScoringRequestException.badRequest("Record " + position + " is not a JSON object of input fields "
                        + "but " + kind(element));
            }
            records.add(record(json, element));
        }
        return records;
    }

    private static Map<String, Object> record(JsonMapper json, JsonNode object) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : object.properties()) {
            record.put(property.getKey(), json.treeToValue(property.getValue(), Object.class));
        }
        return record;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case OBJECT, POJO -> "a JSON object";
            default -> "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
