package io.easel.server.deployment.compiled;

/** A compiled PMML expression: reads the record's slots, returns a slot value (NaN when missing). */
@FunctionalInterface
interface ValueExpression {

    double evaluate(double[] slots);
}
