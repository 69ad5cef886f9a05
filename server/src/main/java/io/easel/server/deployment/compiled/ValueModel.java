package io.easel.server.deployment.compiled;

/** A compiled model that answers a number: a regression tree, a sum of trees, a regression equation. */
interface ValueModel {

    /** @return the value, or NaN when the record needs the interpreter */
    double value(double[] slots);
}
