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

    /** average or weightedAverage of class probabilities; the most probable class wins. */
    record Average(ClassModel[] members, double[] weights, boolean weighted, int[] order) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            int classes = order.length;
            double[] member = new double[classes];
            Arrays.fill(into, 0);
            double weightSum = 0;
            for (int i = 0; i < members.length; i++) {
                if (members[i].classify(slots, member) == FlatTree.NONE) {
                    return FlatTree.NONE;
                }
                double weight = weighted ? weights[i] : 1;
                for (int c = 0; c < classes; c++) {
                    into[c] += weighted ? weight * member[c] : member[c];
                }
                weightSum += weight;
            }
            for (int c = 0; c < classes; c++) {
                into[c] /= weightSum;
            }
            return Classes.mostProbable(into, order);
        }
    }

    /** majorityVote or weightedMajorityVote: each tree's class gets its weight; probabilities are vote shares. */
    record Vote(ClassModel[] members, double[] weights, boolean weighted, int[] order) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            int classes = order.length;
            double[] member = new double[classes];
            Arrays.fill(into, 0);
            double weightSum = 0;
            for (int i = 0; i < members.length; i++) {
                int vote = members[i].classify(slots, member);
                if (vote == FlatTree.NONE) {
                    return FlatTree.NONE;
                }
                double weight = weighted ? weights[i] : 1;
                into[vote] += weight;
                weightSum += weight;
            }
            for (int c = 0; c < classes; c++) {
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
