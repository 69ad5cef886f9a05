package io.easel.server.deployment.compiled;

import java.util.Arrays;

/** How a segmentation combines the answers of its trees, as JPMML-Evaluator combines them, segment by segment. */
final class Ensembles {

    private Ensembles() {}

    /** sum, weightedSum, average, weightedAverage of numbers. */
    record Sum(ValueModel[] members, double[] weights, boolean weighted, boolean averaged) implements ValueModel {
        @Override
        public double value(double[] slots) {
            double sum = 0;
            double weightSum = 0;
            for (int i = 0; i < members.length; i++) {
                double value = members[i].value(slots);
                if (Double.isNaN(value)) {
                    return Double.NaN;
                }
                sum += weighted ? weights[i] * value : value;
                weightSum += weighted ? weights[i] : 1;
            }
            return averaged ? sum / weightSum : sum;
        }
    }

    /**
     * average or weightedAverage of class probabilities, or (voting) majorityVote or weightedMajorityVote, where each
     * tree's class gets its weight and probabilities are vote shares; the most probable class wins.
     */
    record ClassCombination(ClassModel[] members, double[] weights, boolean weighted, boolean voting, int[] order)
            implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            double[] member = new double[order.length];
            Arrays.fill(into, 0);
            double weightSum = 0;
            for (int i = 0; i < members.length; i++) {
                int predicted = members[i].classify(slots, member);
                if (predicted == FlatTree.NONE) {
                    return FlatTree.NONE;
                }
                double weight = weighted ? weights[i] : 1;
                if (voting) {
                    into[predicted] += weight;
                } else {
                    for (int c = 0; c < member.length; c++) {
                        into[c] += weight * member[c];
                    }
                }
                weightSum += weight;
            }
            for (int c = 0; c < into.length; c++) {
                into[c] /= weightSum;
            }
            return Classes.mostProbable(into, order);
        }
    }

    /** A model chain: each earlier model's value goes to its output's slot, the last one answers. */
    record Chain(ValueModel[] earlier, int[] outputs) {
        boolean run(double[] slots) {
            for (int i = 0; i < earlier.length; i++) {
                double value = earlier[i].value(slots);
                if (Double.isNaN(value)) {
                    return false;
                }
                slots[outputs[i]] = value;
            }
            return true;
        }
    }

    record ChainedValue(Chain chain, ValueModel last) implements ValueModel {
        @Override
        public double value(double[] slots) {
            return chain.run(slots) ? last.value(slots) : Double.NaN;
        }
    }

    record ChainedClass(Chain chain, ClassModel last) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            return chain.run(slots) ? last.classify(slots, into) : FlatTree.NONE;
        }
    }
}
