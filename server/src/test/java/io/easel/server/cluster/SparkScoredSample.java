package io.easel.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.easel.server.Api;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rows Spark scored in a run's predict node (its output sample), turned back into the raw records a client would
 * send to a deployment, with the probabilities Spark gave them.
 */
record SparkScoredSample(List<String> columns, List<JsonNode> rows) {

    static SparkScoredSample of(Api api, String runId, String predictNode) {
        JsonNode scored = api.get("/api/runs/" + runId + "/nodes/" + predictNode).body().at("/outputs/out");
        List<String> columns = scored.at("/spec/columns").valueStream().map(c -> c.get("name").asString()).toList();
        return new SparkScoredSample(columns, scored.get("sampleRows").valueStream().toList());
    }

    /** The raw input columns a deployment asks for ({@code inputs} of the deploy answer), row by row. */
    List<Map<String, Object>> records(JsonNode inputs) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (JsonNode row : rows) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (JsonNode input : inputs) {
                String name = input.get("name").asString();
                JsonNode value = cell(row, name);
                record.put(name, switch (input.get("type").asString()) {
                    case "integer", "long" -> value.asLong();
                    case "double" -> value.asDouble();
                    default -> value.asString();
                });
            }
            records.add(record);
        }
        return records;
    }

    /** Asserts the deployment's answer for {@link #records} gives every row Spark's prediction and probabilities. */
    void assertScoredAsSparkDid(JsonNode predictions, String negativeLabel, String positiveLabel) {
        assertThat(predictions).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            JsonNode pmml = predictions.get(i);
            JsonNode sparkProbability = cell(row, "probability");
            assertThat(pmml.get("prediction").asString()).as("row %s", i)
                    .isEqualTo(cell(row, "prediction").asString());
            assertThat(pmml.at("/probabilities/" + negativeLabel).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(0).asDouble(), within(1e-9));
            assertThat(pmml.at("/probabilities/" + positiveLabel).asDouble()).as("row %s", i)
                    .isCloseTo(sparkProbability.get(1).asDouble(), within(1e-9));
        }
    }

    private JsonNode cell(JsonNode row, String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new AssertionError("The predict node's output has no column '" + column + "': " + columns);
        }
        return row.get(index);
    }
}
