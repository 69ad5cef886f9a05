package io.easel.engine;

import io.easel.components.ComponentRegistry;
import io.easel.run.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Not a test: writes the tables the engine benchmarks read, with Easel's own {@code synthetic-data} component (so no
 * dataset is downloaded) and {@code write-csv}: numeric features {@code x0 …}, text categories {@code cat0 …} and a
 * binary label {@code label} ({@code class_0} or {@code class_1}), the same rows for the same size on every machine.
 *
 * @param directory the CSV folder (Spark's part files)
 * @param schema the schema {@code read-csv} is given, in file order: the first {@code textNumbers} numeric features
 *     declared as text, as a file whose numbers are quoted or mixed with text is read, which a type conversion turns
 *     into numbers
 * @param textNumbers the numeric features declared as text
 * @param numbers the numeric features declared as numbers
 * @param categories the text categories
 */
record SyntheticCsv(Path directory, String schema, List<String> textNumbers, List<String> numbers,
        List<String> categories) {

    static final String LABEL = "label";

    /** Writes {@code rows} rows into {@code <dataDir>/<name>} (replacing what is there) and describes them. */
    static SyntheticCsv write(Path dataDir, String name, int rows, int features, int categorical, int textNumbers,
            ComponentRegistry components) {
        String experiment = """
                {"formatVersion": 1, "nodes": [
                  {"id": "generate", "component": "synthetic-data", "params": {"rows": %d, "features": %d,
                   "informative": %d, "categorical": %d, "noise": 0.5, "seed": 7}},
                  {"id": "write", "component": "write-csv", "params": {"path": "${dataDir}/%s", "mode": "overwrite"}}
                ], "edges": [{"from": {"node": "generate", "port": "out"}, "to": {"node": "write", "port": "in"}}]}
                """.formatted(rows, features, Math.min(features, 5), categorical, name);
        long start = System.nanoTime();
        EngineRun run = EngineRun.ofJson(experiment, "write-" + name, dataDir, components, "--force", "all");
        if (run.state() != RunState.SUCCEEDED) {
            throw new IllegalStateException("Writing the synthetic table " + name + " failed: " + run.status());
        }
        System.out.printf("wrote %,d rows to %s in %d ms%n", rows, dataDir.resolve(name),
                (System.nanoTime() - start) / 1_000_000);
        List<String> numeric = IntStream.range(0, features).mapToObj(i -> "x" + i).toList();
        List<String> categories = IntStream.range(0, categorical).mapToObj(i -> "cat" + i).toList();
        List<String> schema = new ArrayList<>();
        for (int i = 0; i < features; i++) {
            schema.add(numeric.get(i) + (i < textNumbers ? ":string" : ":double"));
        }
        categories.forEach(c -> schema.add(c + ":string"));
        schema.add(LABEL + ":string");
        return new SyntheticCsv(dataDir.resolve(name), String.join(",", schema), numeric.subList(0, textNumbers),
                numeric.subList(textNumbers, features), categories);
    }

    /**
     * The benchmarks' scoring pipeline on this table, as an Easel experiment: read CSV → type conversion of the
     * numbers stored as text → 85/15 split (seed 42) → GBDT → predict on the test side → binary evaluation, and
     * feature importance of the GBDT when asked.
     */
    String experiment(int trees, int depth, double threshold, boolean featureImportance) {
        return """
                {"formatVersion": 1, "nodes": [
                  {"id": "data", "component": "read-csv", "params": {"path": "%s", "schema": "%s"}},
                  {"id": "convert", "component": "type-conversion",
                   "params": {"columns": %s, "targetType": "double"}},
                  {"id": "split", "component": "random-split", "params": {"fraction": 0.85, "seed": 42}},
                  {"id": "gbdt", "component": "gbdt-classifier",
                   "params": {"labelColumn": "label", "maxIter": %d, "maxDepth": %d}},
                  {"id": "predict", "component": "predict", "params": {}},
                  {"id": "evaluate", "component": "binary-classification-evaluation",
                   "params": {"labelColumn": "label", "threshold": %s}}%s
                ], "edges": [
                  {"from": {"node": "data", "port": "out"}, "to": {"node": "convert", "port": "in"}},
                  {"from": {"node": "convert", "port": "out"}, "to": {"node": "split", "port": "in"}},
                  {"from": {"node": "split", "port": "train"}, "to": {"node": "gbdt", "port": "in"}},
                  {"from": {"node": "gbdt", "port": "model"}, "to": {"node": "predict", "port": "model"}},
                  {"from": {"node": "split", "port": "test"}, "to": {"node": "predict", "port": "in"}},
                  {"from": {"node": "predict", "port": "out"}, "to": {"node": "evaluate", "port": "in"}}%s
                ]}""".formatted(directory, schema, jsonArray(textNumbers), trees, depth, threshold,
                featureImportance ? """
                        ,
                          {"id": "importance", "component": "feature-importance", "params": {}}""" : "",
                featureImportance ? """
                        ,
                          {"from": {"node": "gbdt", "port": "model"}, "to": {"node": "importance", "port": "model"}}"""
                        : "");
    }

    /** The names as a JSON array: {@code ["x0", "x1"]}. */
    private static String jsonArray(List<String> names) {
        return names.stream().map(n -> "\"" + n + "\"").toList().toString();
    }

    /** Wall-clock milliseconds since {@code start} (a {@link System#nanoTime()}). */
    static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
