package io.easel.components.learn;

/** How a learner takes text features. */
public enum TextFeatures {
    /**
     * One slot per text column holding the category's index, marked categorical so tree learners split on sets of
     * categories; unseen and missing values get an index of their own.
     */
    INDEXED,
    /** One 0/1 slot per category (linear models, distances); unseen and missing values are all zeros. */
    ONE_HOT
}
