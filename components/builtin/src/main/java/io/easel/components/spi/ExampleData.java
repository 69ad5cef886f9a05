package io.easel.components.spi;

import io.easel.component.Example;
import java.util.Map;

/**
 * The upstream nodes components' examples are built from, all on the bundled datasets: a dataset, its train and test
 * parts, a model trained on it, a table scored by a model.
 */
public final class ExampleData {

    private ExampleData() {}

    /** A bundled dataset's table (sample-dataset). */
    public static Example.Upstream dataset(String name) {
        return Example.Upstream.of("sample-dataset", Map.of("dataset", name), "out");
    }

    /** The 80% training part of a bundled dataset (random-split, seed 7). */
    public static Example.Upstream train(String dataset) {
        return split(dataset).port("train");
    }

    /** The 20% test part of a bundled dataset, the complement of {@link #train}. */
    public static Example.Upstream test(String dataset) {
        return split(dataset).port("test");
    }

    /** The model a learner trains on {@code data}. */
    public static Example.Upstream model(String learner, Map<String, Object> params, Example.Upstream data) {
        return Example.Upstream.of(learner, params, "model").from("in", data);
    }

    /** {@code data} scored by {@code model} (predict). */
    public static Example.Upstream scored(Example.Upstream model, Example.Upstream data) {
        return Example.Upstream.of("predict", Map.of(), "out").from("model", model).from("in", data);
    }

    private static Example.Upstream split(String dataset) {
        return Example.Upstream.of("random-split", Map.of("fraction", 0.8, "seed", 7), "train")
                .from("in", dataset(dataset));
    }
}
