package io.easel.server.deployment.compiled;

/** A compiled model that answers a class with the probability of each class. */
interface ClassModel {

    /**
     * @param into receives each class's probability, indexed as {@link Classes}
     * @return the predicted class's index, or {@link FlatTree#NONE} when the record needs the interpreter
     */
    int classify(double[] slots, double[] into);
}
