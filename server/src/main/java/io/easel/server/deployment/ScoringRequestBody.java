package io.easel.server.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the body of a scoring request as it streams in: one JSON object of input fields, or a JSON array of them. The
 * records are counted as they arrive, so a request with too many is refused as soon as it has one too many, without
 * reading (or holding) the rest.
 */
final class ScoringRequestBody {

    private static final TypeReference<LinkedHashMap<String, Object>> RECORD = new TypeReference<>() {};

    private ScoringRequestBody() {}

    /**
     * @throws ScoringRequestException 400 for an empty body, malformed JSON, or anything but objects; 413 for more
     *     than {@code maxRecords} records
     * @throws IOException when reading the body fails (its size limit among the reasons)
     */
    static List<Map<String, Object>> records(JsonMapper json, InputStream body, int maxRecords) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw ScoringRequestException.badRequest("The request body is empty: send one JSON object of input "
                        + "fields, or a list of them");
            }
            List<Map<String, Object>> records = new ArrayList<>();
            if (first == JsonToken.START_OBJECT) {
                records.add(record(json, parser));
            } else if (first == JsonToken.START_ARRAY) {
                int position = 0;
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    position++;
                    if (position > maxRecords) {
                        throw new ScoringRequestException(HttpStatus.CONTENT_TOO_LARGE, List.of(
                                new ScoringRequestException.Problem(null, null, "Too many records: more than "
                                        + maxRecords + " in one request (easel.scoring.max-records); send them "
                                        + "in several requests")));
                    }
                    if (next != JsonToken.START_OBJECT) {
                        throw ScoringRequestException.badRequest("Record " + position + " is not a JSON object of "
                                + "input fields but " + kind(parser.readValueAsTree()));
                    }
                    records.add(record(json, parser));
                }
            } else {
                throw ScoringRequestException.badRequest("Expected one JSON object of input fields, or a list of "
                        + "them; got " + kind(parser.readValueAsTree()));
            }
            if (parser.nextToken() != null) {
                throw ScoringRequestException.badRequest("The body goes on after its JSON value"
                        + where(parser) + "; send one object or one list");
            }
            return records;
        } catch (JacksonException e) {
            Optional<IOException> failedRead = ioCause(e);
            if (failedRead.isPresent()) {
                throw failedRead.get();
            }
            String at = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ScoringRequestException.badRequest("Malformed JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    /**
     * The object the parser is at, read straight into field → value (no tree in between: this runs per record); what
     * follows it is the caller's to read.
     */
    private static Map<String, Object> record(JsonMapper json, JsonParser parser) {
        return json.readerFor(RECORD).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(parser);
    }

    private static Optional<IOException> ioCause(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return Optional.of(io);
            }
        }
        return Optional.empty();
    }

    private static String where(JsonParser parser) {
        var location = parser.currentLocation();
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a JSON array";
            case OBJECT, POJO -> "a JSON object";
            default -> "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
