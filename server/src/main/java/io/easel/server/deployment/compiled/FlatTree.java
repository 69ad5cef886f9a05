package io.easel.server.deployment.compiled;

import java.util.Arrays;

/**
 * A PMML tree flattened into arrays, node 0 the root and each node's children next to each other in document order,
 * so routing a record is a loop over primitive arrays. Each node tests one field against a threshold or a set of
 * codes. A predicate on a missing value is UNKNOWN: the tree follows the default child where its missing-value
 * strategy says so, and otherwise gives no answer ({@link #NONE}), leaving the record to the interpreter.
 */
final class FlatTree {

    static final int NONE = -1;

    enum Operator {
        TRUE, FALSE, LESS_THAN, LESS_OR_EQUAL, GREATER_THAN, GREATER_OR_EQUAL, EQUAL, NOT_EQUAL, IS_MISSING,
        IS_NOT_MISSING, IS_IN, IS_NOT_IN;

        /** Whether it compares by order, which only numbers have. */
        boolean orders() {
            return this == LESS_THAN || this == LESS_OR_EQUAL || this == GREATER_THAN || this == GREATER_OR_EQUAL;
        }

        boolean testsMissing() {
            return this == IS_MISSING || this == IS_NOT_MISSING;
        }
    }

    private static final int YES = 1;
    private static final int NO = 0;
    private static final int UNKNOWN = -1;

    private final Operator[] operators;
    private final int[] fields;
    private final double[] thresholds;
    private final double[][] sets;
    private final int[] firstChild;
    private final int[] childCount;
    private final int[] defaultChild;
    private final boolean[] scored;
    private final boolean followDefaultChild;
    private final boolean lastPredictionWithoutTrueChild;

    FlatTree(Nodes nodes, boolean followDefaultChild, boolean lastPredictionWithoutTrueChild) {
        this.operators = nodes.operators;
        this.fields = nodes.fields;
        this.thresholds = nodes.thresholds;
        this.sets = nodes.sets;
        this.firstChild = nodes.firstChild;
        this.childCount = nodes.childCount;
        this.defaultChild = nodes.defaultChild;
        this.scored = nodes.scored;
        this.followDefaultChild = followDefaultChild;
        this.lastPredictionWithoutTrueChild = lastPredictionWithoutTrueChild;
    }

    /** The arrays of a tree of {@code size} nodes, filled by the compiler. */
    static final class Nodes {
        final Operator[] operators;
        final int[] fields;
        final double[] thresholds;
        final double[][] sets;
        final int[] firstChild;
        final int[] childCount;
        final int[] defaultChild;
        final boolean[] scored;

        Nodes(int size) {
            operators = new Operator[size];
            fields = new int[size];
            thresholds = new double[size];
            sets = new double[size][];
            firstChild = new int[size];
            childCount = new int[size];
            defaultChild = new int[size];
            scored = new boolean[size];
            Arrays.fill(defaultChild, NONE);
        }
    }

    int size() {
        return operators.length;
    }

    /** The node whose score answers for this record, or {@link #NONE}. */
    int route(double[] slots) {
        if (test(0, slots) != YES) {
            return NONE;
        }
        int node = 0;
        while (childCount[node] > 0) {
            int next = NONE;
            int end = firstChild[node] + childCount[node];
            for (int child = firstChild[node]; child < end; child++) {
                int outcome = test(child, slots);
                if (outcome == YES) {
                    next = child;
                    break;
                }
                if (outcome == UNKNOWN) {
                    if (!followDefaultChild || defaultChild[node] == NONE) {
                        return NONE;
                    }
                    next = defaultChild[node];
                    break;
                }
            }
            if (next == NONE) {
                return lastPredictionWithoutTrueChild && scored[node] ? node : NONE;
            }
            node = next;
        }
        return scored[node] ? node : NONE;
    }

    private int test(int node, double[] slots) {
        Operator operator = operators[node];
        if (operator == Operator.TRUE) {
            return YES;
        }
        if (operator == Operator.FALSE) {
            return NO;
        }
        double value = slots[fields[node]];
        if (operator.testsMissing()) {
            return Double.isNaN(value) == (operator == Operator.IS_MISSING) ? YES : NO;
        }
        if (Double.isNaN(value)) {
            return UNKNOWN;
        }
        double threshold = thresholds[node];
        boolean holds = switch (operator) {
            case LESS_THAN -> value < threshold;
            case LESS_OR_EQUAL -> value <= threshold;
            case GREATER_THAN -> value > threshold;
            case GREATER_OR_EQUAL -> value >= threshold;
            case EQUAL -> value == threshold;
            case NOT_EQUAL -> value != threshold;
            case IS_IN -> Arrays.binarySearch(sets[node], value) >= 0;
            case IS_NOT_IN -> Arrays.binarySearch(sets[node], value) < 0;
            default -> throw new IllegalStateException(operator.name());
        };
        return holds ? YES : NO;
    }
}
