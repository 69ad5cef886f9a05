package io.easel.components.learn;

import io.easel.component.Text;

/** What a supervised learner predicts. */
public enum Task {
    /** One of two classes. */
    BINARY(Text.of("binary classification", "二分类")),
    /** One of three or more classes. */
    MULTICLASS(Text.of("multiclass classification", "多分类")),
    /** A number. */
    REGRESSION(Text.of("regression", "回归"));

    private final Text title;

    Task(Text title) {
        this.title = title;
    }

    public Text title() {
        return title;
    }
}
