package io.easel.server.deployment.compiled;

import io.easel.server.deployment.compiled.FlatTree.Operator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.Array;
import org.dmg.pmml.False;
import org.dmg.pmml.Predicate;
import org.dmg.pmml.ScoreDistribution;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.SimpleSetPredicate;
import org.dmg.pmml.True;
import org.dmg.pmml.tree.Node;
import org.dmg.pmml.tree.TreeModel;
import org.jpmml.evaluator.ArrayUtil;

/** Flattens a {@link TreeModel} into a {@link FlatTree} plus what each node answers. */
final class TreeCompiler {

    private final RecordLayout layout;

    TreeCompiler(RecordLayout layout) {
        this.layout = layout;
    }

    /** A regression tree: each node's score. */
    record ValueTree(FlatTree tree, double[] scores) implements ValueModel {
        @Override
        public double value(double[] slots) {
            int node = tree.route(slots);
            return node == FlatTree.NONE ? Double.NaN : scores[node];
        }
    }

    /** A classification tree: each node's class probabilities and predicted class (indices of the classes). */
    record ClassTree(FlatTree tree, double[][] probabilities, int[] predicted) implements ClassModel {
        @Override
        public int classify(double[] slots, double[] into) {
            int node = tree.route(slots);
            if (node == FlatTree.NONE) {
                return FlatTree.NONE;
            }
            System.arraycopy(probabilities[node], 0, into, 0, into.length);
            return predicted[node];
        }
    }

    ValueTree regression(TreeModel model) throws NotCompilableException {
        List<Node> nodes = breadthFirst(model.requireNode());
        FlatTree.Nodes arrays = arrays(nodes);
        double[] scores = new double[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Object score = nodes.get(i).getScore();
            arrays.scored[i] = score != null;
            scores[i] = score == null ? Double.NaN : RecordLayout.number(score);
        }
        return new ValueTree(flat(model, arrays), scores);
    }

    ClassTree classification(TreeModel model, Classes classes) throws NotCompilableException {
        List<Node> nodes = breadthFirst(model.requireNode());
        FlatTree.Nodes arrays = arrays(nodes);
        double[][] probabilities = new double[nodes.size()][];
        int[] predicted = new int[nodes.size()];
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            probabilities[i] = distribution(node, classes);
            arrays.scored[i] = probabilities[i] != null;
            Object score = node.getScore();
            predicted[i] = score != null ? classes.index(score)
                    : probabilities[i] == null ? FlatTree.NONE : mostProbable(node, probabilities[i], classes);
        }
        return new ClassTree(flat(model, arrays), probabilities, predicted);
    }

    /** A node without a score predicts its most probable class, the first of equals as its distribution lists them. */
    private static int mostProbable(Node node, double[] probabilities, Classes classes) throws NotCompilableException {
        List<ScoreDistribution> scores = node.getScoreDistributions();
        int[] order = new int[scores.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = classes.index(scores.get(i).requireValue());
        }
        return Classes.mostProbable(probabilities, order);
    }

    /** Each class's probability: as written, else its share of the node's records. */
    private static double[] distribution(Node node, Classes classes) throws NotCompilableException {
        if (!node.hasScoreDistributions()) {
            return null;
        }
        List<ScoreDistribution> scores = node.getScoreDistributions();
        double[] probabilities = new double[classes.size()];
        boolean written = scores.stream().allMatch(s -> s.getProbability() != null);
        double total = 0;
        for (ScoreDistribution score : scores) {
            total += score.requireRecordCount().doubleValue();
        }
        for (ScoreDistribution score : scores) {
            probabilities[classes.index(score.requireValue())] = written ? score.getProbability().doubleValue()
                    : score.requireRecordCount().doubleValue() / total;
        }
        return probabilities;
    }

    private FlatTree flat(TreeModel model, FlatTree.Nodes arrays) throws NotCompilableException {
        boolean followDefaultChild = model.getMissingValueStrategy() == TreeModel.MissingValueStrategy.DEFAULT_CHILD;
        boolean lastPrediction = model.getNoTrueChildStrategy()
                == TreeModel.NoTrueChildStrategy.RETURN_LAST_PREDICTION;
        return new FlatTree(arrays, followDefaultChild, lastPrediction);
    }

    /** Nodes numbered so that each node's children follow each other, in document order. */
    private static List<Node> breadthFirst(Node root) throws NotCompilableException {
        List<Node> nodes = new ArrayList<>(List.of(root));
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            if (node.getEmbeddedModel() != null || node.getPartition() != null) {
                throw new NotCompilableException("tree node with an embedded model");
            }
            nodes.addAll(children(node));
        }
        return nodes;
    }

    /** JPMML's leaf node classes refuse {@code getNodes()}. */
    private static List<Node> children(Node node) {
        return node.hasNodes() ? node.getNodes() : List.of();
    }

    private FlatTree.Nodes arrays(List<Node> nodes) throws NotCompilableException {
        FlatTree.Nodes arrays = new FlatTree.Nodes(nodes.size());
        Map<Node, Integer> index = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        int next = 1;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            predicate(node.requirePredicate(), i, arrays);
            arrays.firstChild[i] = next;
            List<Node> children = children(node);
            arrays.childCount[i] = children.size();
            next += children.size();
            if (node.getDefaultChild() != null) {
                arrays.defaultChild[i] = children.stream()
                        .filter(child -> node.getDefaultChild().equals(child.getId())).findFirst()
                        .map(index::get).orElseThrow(() -> new NotCompilableException("defaultChild '"
                                + node.getDefaultChild() + "' is not a child"));
            }
        }
        return arrays;
    }

    private void predicate(Predicate predicate, int node, FlatTree.Nodes arrays) throws NotCompilableException {
        switch (predicate) {
            case True t -> arrays.operators[node] = Operator.TRUE;
            case False f -> arrays.operators[node] = Operator.FALSE;
            case SimplePredicate simple -> {
                int field = layout.slot(simple.requireField());
                Kind kind = layout.kind(field);
                Operator operator = switch (simple.requireOperator()) {
                    case LESS_THAN -> Operator.LESS_THAN;
                    case LESS_OR_EQUAL -> Operator.LESS_OR_EQUAL;
                    case GREATER_THAN -> Operator.GREATER_THAN;
                    case GREATER_OR_EQUAL -> Operator.GREATER_OR_EQUAL;
                    case EQUAL -> Operator.EQUAL;
                    case NOT_EQUAL -> Operator.NOT_EQUAL;
                    case IS_MISSING -> Operator.IS_MISSING;
                    case IS_NOT_MISSING -> Operator.IS_NOT_MISSING;
                };
                if ((operator.orders() && !kind.isNumber()) || kind == Kind.BOOLEAN) {
                    throw new NotCompilableException("comparison " + simple.requireOperator().value() + " on "
                            + kind + " field '" + simple.requireField() + "'");
                }
                arrays.operators[node] = operator;
                arrays.fields[node] = field;
                if (!operator.testsMissing()) {
                    arrays.thresholds[node] = layout.encode(simple.requireValue(), kind);
                }
            }
            case SimpleSetPredicate set -> {
                int field = layout.slot(set.requireField());
                Kind kind = layout.kind(field);
                List<?> members = content(set.requireArray());
                double[] codes = new double[members.size()];
                for (int i = 0; i < codes.length; i++) {
                    codes[i] = layout.encode(members.get(i), kind);
                }
                Arrays.sort(codes);
                arrays.operators[node] = set.requireBooleanOperator() == SimpleSetPredicate.BooleanOperator.IS_IN
                        ? Operator.IS_IN : Operator.IS_NOT_IN;
                arrays.fields[node] = field;
                arrays.sets[node] = codes;
            }
            default -> throw new NotCompilableException("predicate " + predicate.getClass().getSimpleName());
        }
    }

    private static List<?> content(Array array) throws NotCompilableException {
        try {
            return ArrayUtil.getContent(array);
        } catch (RuntimeException e) {
            throw new NotCompilableException("array: " + e.getMessage());
        }
    }
}
