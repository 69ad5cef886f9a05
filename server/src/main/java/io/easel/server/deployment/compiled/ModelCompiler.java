package io.easel.server.deployment.compiled;

import java.util.ArrayList;
import java.util.List;
import org.dmg.pmml.MathContext;
import org.dmg.pmml.MiningField;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Model;
import org.dmg.pmml.OutlierTreatmentMethod;
import org.dmg.pmml.InvalidValueTreatmentMethod;
import org.dmg.pmml.Output;
import org.dmg.pmml.OutputField;
import org.dmg.pmml.ResultFeature;
import org.dmg.pmml.True;
import org.dmg.pmml.mining.MiningModel;
import org.dmg.pmml.mining.Segment;
import org.dmg.pmml.mining.Segmentation;
import org.dmg.pmml.mining.Segmentation.MultipleModelMethod;
import org.dmg.pmml.regression.RegressionModel;
import org.dmg.pmml.tree.TreeModel;

/**
 * Compiles a model and its segments, recursively: trees, the segmentations that sum, average or vote over them, and
 * model chains that feed a value (a GBT's sum of trees) to a final equation (its logistic link).
 */
final class ModelCompiler {

    private final RecordLayout layout;
    private final TreeCompiler trees;
    private final RegressionCompiler equations;
    private final Model top;
    private int treeCount;

    /** @param top the document's model, whose value treatments are applied when the record is prepared */
    ModelCompiler(RecordLayout layout, Model top) {
        this.layout = layout;
        this.top = top;
        this.trees = new TreeCompiler(layout);
        this.equations = new RegressionCompiler(layout);
    }

    int treeCount() {
        return treeCount;
    }

    ValueModel value(Model model, boolean chained) throws NotCompilableException {
        checkPlain(model, MiningFunction.REGRESSION);
        return switch (model) {
            case TreeModel tree -> {
                treeCount++;
                yield trees.regression(tree);
            }
            case MiningModel mining -> values(mining.requireSegmentation());
            case RegressionModel regression when chained -> equations.regression(regression);
            default -> throw new NotCompilableException(name(model) + " is not a tree model");
        };
    }

    ClassModel classes(Model model, Classes classes, boolean chained) throws NotCompilableException {
        checkPlain(model, MiningFunction.CLASSIFICATION);
        return switch (model) {
            case TreeModel tree -> {
                treeCount++;
                yield trees.classification(tree, classes);
            }
            case MiningModel mining -> classes(mining.requireSegmentation(), classes);
            case RegressionModel regression when chained -> equations.classification(regression, classes);
            default -> throw new NotCompilableException(name(model) + " is not a tree model");
        };
    }

    private ValueModel values(Segmentation segmentation) throws NotCompilableException {
        List<Segment> segments = segments(segmentation);
        MultipleModelMethod method = segmentation.requireMultipleModelMethod();
        if (method == MultipleModelMethod.MODEL_CHAIN) {
            Ensembles.Chain chain = chain(segments);
            return new Ensembles.ChainedValue(chain, value(segments.getLast().requireModel(), true));
        }
        boolean weighted = method == MultipleModelMethod.WEIGHTED_SUM
                || method == MultipleModelMethod.WEIGHTED_AVERAGE;
        boolean averaged = method == MultipleModelMethod.AVERAGE || method == MultipleModelMethod.WEIGHTED_AVERAGE;
        if (!weighted && !averaged && method != MultipleModelMethod.SUM) {
            throw new NotCompilableException("segmentation '" + method.value() + "' of values");
        }
        ValueModel[] members = new ValueModel[segments.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = value(segments.get(i).requireModel(), false);
        }
        return new Ensembles.Sum(members, weights(segments), weighted, averaged);
    }

    private ClassModel classes(Segmentation segmentation, Classes classes) throws NotCompilableException {
        List<Segment> segments = segments(segmentation);
        MultipleModelMethod method = segmentation.requireMultipleModelMethod();
        if (method == MultipleModelMethod.MODEL_CHAIN) {
            Ensembles.Chain chain = chain(segments);
            return new Ensembles.ChainedClass(chain, classes(segments.getLast().requireModel(), classes, true));
        }
        ClassModel[] members = new ClassModel[segments.size()];
        for (int i = 0; i < members.length; i++) {
            members[i] = classes(segments.get(i).requireModel(), classes, false);
        }
        boolean voting = method == MultipleModelMethod.MAJORITY_VOTE
                || method == MultipleModelMethod.WEIGHTED_MAJORITY_VOTE;
        if (!voting && method != MultipleModelMethod.AVERAGE && method != MultipleModelMethod.WEIGHTED_AVERAGE) {
            throw new NotCompilableException("segmentation '" + method.value() + "' of classes");
        }
        boolean weighted = method == MultipleModelMethod.WEIGHTED_AVERAGE
                || method == MultipleModelMethod.WEIGHTED_MAJORITY_VOTE;
        return new Ensembles.ClassCombination(members, weights(segments), weighted, voting, classes.naturalOrder());
    }

    /** Every segment but the last of a chain: a value model whose only outputs are its predicted value. */
    private Ensembles.Chain chain(List<Segment> segments) throws NotCompilableException {
        List<ValueModel> earlier = new ArrayList<>();
        List<Integer> outputs = new ArrayList<>();
        for (Segment segment : segments.subList(0, segments.size() - 1)) {
            Model model = segment.requireModel();
            Output output = model.getOutput();
            if (output == null || output.getOutputFields().size() != 1) {
                throw new NotCompilableException("chained " + name(model) + " without exactly one output");
            }
            OutputField field = output.getOutputFields().getFirst();
            if (field.getResultFeature() != ResultFeature.PREDICTED_VALUE || field.getExpression() != null) {
                throw new NotCompilableException("chained output '" + field.requireName() + "' of feature "
                        + field.getResultFeature().value());
            }
            earlier.add(value(model, false));
            outputs.add(layout.declareOutput(field.requireName()));
        }
        return new Ensembles.Chain(earlier.toArray(ValueModel[]::new),
                outputs.stream().mapToInt(Integer::intValue).toArray());
    }

    private static List<Segment> segments(Segmentation segmentation) throws NotCompilableException {
        List<Segment> segments = segmentation.requireSegments();
        for (Segment segment : segments) {
            if (!(segment.requirePredicate() instanceof True)) {
                throw new NotCompilableException("segment '" + segment.getId() + "' has a predicate");
            }
        }
        if (segments.isEmpty()) {
            throw new NotCompilableException("segmentation without segments");
        }
        return segments;
    }

    private static double[] weights(List<Segment> segments) {
        double[] weights = new double[segments.size()];
        for (int i = 0; i < weights.length; i++) {
            Number weight = segments.get(i).getWeight();
            weights[i] = weight == null ? 1 : weight.doubleValue();
        }
        return weights;
    }

    /**
     * Nothing the compiled model would skip: targets that rescale, float arithmetic, or an inner model's own
     * treatment of missing, invalid or outlying values (the outer model's is applied when the record is prepared).
     */
    private void checkPlain(Model model, MiningFunction function) throws NotCompilableException {
        if (model.getMiningFunction() != function) {
            throw new NotCompilableException(name(model) + " of function " + model.getMiningFunction().value()
                    + " where " + function.value() + " is expected");
        }
        if (model.getTargets() != null && model.getTargets().hasTargets()) {
            throw new NotCompilableException(name(model) + " with Targets");
        }
        if (model.getMathContext() == MathContext.FLOAT) {
            throw new NotCompilableException(name(model) + " computes in float");
        }
        for (MiningField field : model.requireMiningSchema().getMiningFields()) {
            boolean active = model != top && field.getUsageType() == MiningField.UsageType.ACTIVE;
            if (active && (field.getMissingValueReplacement() != null
                    || field.getInvalidValueTreatment() != InvalidValueTreatmentMethod.RETURN_INVALID
                    || field.getOutlierTreatment() != OutlierTreatmentMethod.AS_IS)) {
                throw new NotCompilableException(name(model) + " treats values of '" + field.requireName()
                        + "' itself");
            }
        }
    }

    private static String name(Model model) {
        return model.getClass().getSimpleName().replace("Rich", "");
    }
}
