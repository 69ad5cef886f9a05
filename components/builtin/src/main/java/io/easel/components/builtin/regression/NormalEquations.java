package io.easel.components.builtin.regression;

import io.easel.components.learn.SupervisedLearner.Fitting;

/**
 * Spark solves weighted least squares exactly (linear regression's normal solver, every generalized linear model)
 * for at most 4096 feature slots ({@code WeightedLeastSquares.MAX_NUM_FEATURES}); one-hot text features reach that
 * quickly. Checked before fitting, saying what to change.
 */
final class NormalEquations {

    static final int MAX_SLOTS = 4096;

    private NormalEquations() {}

    /** @param instead what to do about too many slots */
    static void check(Fitting fitting, String instead) {
        if (fitting.slotCount() > MAX_SLOTS) {
            throw new IllegalArgumentException(fitting.componentId() + ": the features make " + fitting.slotCount()
                    + " slots (one per category of each text feature), more than the " + MAX_SLOTS
                    + " Spark solves exactly; " + instead);
        }
    }
}
