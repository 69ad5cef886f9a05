package io.easel.components.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Experiments on the real sample data, each run once per test JVM and shared by the tests that look at them.
 * Between them they use every component, which the catalog contract test insists on.
 */
public final class Scenarios {

    public static final Path DATASETS = Path.of("src/main/resources/io/easel/components/datasets").toAbsolutePath();
    /** The integer credit_g columns the credit scenario converts to double before training. */
    public static final List<String> CONVERTED = List.of("duration", "credit_amount", "age");

    private static TestRun credit;
    private static TestRun sources;

    private Scenarios() {}

    /**
     * credit_g → type-conversion (3 integer columns to double) → random-split 0.85/0.15 seed 42 → gbdt-classifier on
     * the train part → predict on the test part → binary-classification-evaluation; and feature-importance.
     */
    public static synchronized TestRun credit() {
        if (credit == null) {
            credit = TestRun.of(TestRun.newGraph()
                    .node("data", "sample-dataset", Map.of("dataset", "credit_g"))
                    .node("cast", "type-conversion", Map.of("columns", CONVERTED, "targetType", "double"))
                    .node("split", "random-split", Map.of("fraction", 0.85, "seed", 42))
                    .node("gbdt", "gbdt-classifier", Map.of("labelColumn", "class"))
                    .node("predict", "predict", Map.of())
                    .node("evaluate", "binary-classification-evaluation", Map.of("labelColumn", "class"))
                    .node("importance", "feature-importance", Map.of())
                    .edge("data.out", "cast.in")
                    .edge("cast.out", "split.in")
                    .edge("split.train", "gbdt.in")
                    .edge("gbdt.model", "predict.model")
                    .edge("split.test", "predict.in")
                    .edge("predict.out", "evaluate.in")
                    .edge("gbdt.model", "importance.model")
                    .build());
        }
        return credit;
    }

    /**
     * Every sample dataset; read-csv on the bundled iris file, read-parquet and read-json-lines on credit_g written
     * in those formats, each with a declared schema.
     */
    public static synchronized TestRun sources() {
        if (sources == null) {
            sources = TestRun.of(TestRun.newGraph()
                    .node("credit_g", "sample-dataset", Map.of("dataset", "credit_g"))
                    .node("iris", "sample-dataset", Map.of("dataset", "iris"))
                    .node("breast_cancer", "sample-dataset", Map.of("dataset", "breast_cancer"))
                    .node("diabetes", "sample-dataset", Map.of("dataset", "diabetes"))
                    .node("vote", "sample-dataset", Map.of("dataset", "vote"))
                    .node("csv", "read-csv", Map.of("path", DATASETS.resolve("iris.csv").toUri().toString(),
                            "schema", "sepal_length_cm:double,sepal_width_cm:double,petal_length_cm:double,"
                                    + "petal_width_cm:double,species:string"))
                    .node("parquet", "read-parquet", Map.of("path", SampleFiles.creditParquet().toUri().toString(),
                            "schema", "class:string,age:double,credit_amount:long"))
                    .node("json", "read-json-lines", Map.of("path", SampleFiles.creditJsonLines().toString(),
                            "schema", "class:string,age:integer,duration:double"))
                    .build());
        }
        return sources;
    }

    public static List<TestRun> all() {
        return List.of(sources(), credit());
    }
}
