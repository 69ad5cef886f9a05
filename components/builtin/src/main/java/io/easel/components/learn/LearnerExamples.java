package io.easel.components.learn;

import io.easel.component.Example;
import io.easel.components.spi.ExampleData;
import java.util.Map;

/**
 * The examples every learner gets from the tasks it declares, on the bundled datasets: credit_g for two classes
 * (text and numeric features), iris for three, diabetes for regression.
 */
final class LearnerExamples {

    private LearnerExamples() {}

    static Example binary() {
        return Example.of("Good or bad credit risk (credit_g)", "信用好坏（credit_g）", Map.of("labelColumn", "class"))
                .input(SupervisedLearner.IN, ExampleData.dataset("credit_g"));
    }

    static Example multiclass() {
        return Example.of("Iris species, three classes", "鸢尾花品种（三分类）", Map.of("labelColumn", "species"))
                .input(SupervisedLearner.IN, ExampleData.dataset("iris"));
    }

    static Example regression() {
        return Example.of("Diabetes progression", "糖尿病病情进展", Map.of("labelColumn", "progression"))
                .input(SupervisedLearner.IN, ExampleData.dataset("diabetes"));
    }
}
