package io.easel.server.deployment.compiled;

import io.easel.server.deployment.ScoreResponse.Prediction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dmg.pmml.DataType;
import org.dmg.pmml.MiningFunction;
import org.dmg.pmml.Model;
import org.dmg.pmml.PMML;
import org.dmg.pmml.mining.MiningModel;
import org.dmg.pmml.tree.TreeModel;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.TargetField;

/**
 * A tree model compiled to flat arrays: scores a prepared record without the interpreter, with the answer the
 * interpreter gives. It answers null for a record it cannot route (a missing value a tree would have to decide
 * on, or an {@code equal} would compare), which then goes to the interpreter. Immutable and thread-safe.
 */
public final class CompiledScorer implements RecordScorer {

    private final RecordProgram program;
    private final ValueModel valueModel;
    private final ClassModel classModel;
    private final Classes classes;
    private final int trees;

    private CompiledScorer(RecordProgram program, ValueModel valueModel, ClassModel classModel, Classes classes,
            int trees) {
        this.program = program;
        this.valueModel = valueModel;
        this.classModel = classModel;
        this.classes = classes;
        this.trees = trees;
    }

    /**
     * Compiles the evaluator's model: a tree or a segmentation of trees (forests, GBTs with their link), on inputs
     * of integer, double and text fields and derived fields that cast, fill missing values, guard categories, index
     * texts, flag categories (one-hot) or scale numbers.
     *
     * @throws NotCompilableException saying what the compiler does not translate
     */
    public static CompiledScorer compile(Evaluator evaluator) throws NotCompilableException {
        PMML pmml = ((HasPMML) evaluator).getPMML();
        if (pmml.getModels().size() != 1 || evaluator.getTargetFields().size() != 1) {
            throw new NotCompilableException("not a single model with a single target");
        }
        Model model = pmml.getModels().getFirst();
        if (!(model instanceof TreeModel || model instanceof MiningModel)) {
            throw new NotCompilableException(model.getClass().getSimpleName() + " is not a tree model");
        }
        TargetField target = evaluator.getTargetFields().getFirst();
        RecordLayout layout = new RecordLayout(pmml, target.getName());
        ModelCompiler compiler = new ModelCompiler(layout, model);
        if (model.getMiningFunction() == MiningFunction.CLASSIFICATION && target.getCategories() != null) {
            Classes classes = Classes.of(target.getCategories());
            ClassModel compiled = compiler.classes(model, classes, false);
            return new CompiledScorer(layout.program(), null, compiled, classes, compiler.treeCount());
        }
        if (model.getMiningFunction() == MiningFunction.REGRESSION && target.getDataType() == DataType.DOUBLE) {
            ValueModel compiled = compiler.value(model, false);
            return new CompiledScorer(layout.program(), compiled, null, null, compiler.treeCount());
        }
        throw new NotCompilableException(model.getMiningFunction().value() + " of a " + target.getDataType()
                + " target");
    }

    /** How many trees were compiled. */
    public int trees() {
        return trees;
    }

    @Override
    public Prediction score(Map<String, FieldValue> arguments) {
        double[] slots = program.run(arguments);
        if (slots == null) {
            return null;
        }
        if (valueModel != null) {
            double value = valueModel.value(slots);
            return Double.isNaN(value) ? null : new Prediction(value, null, null);
        }
        double[] probabilities = new double[classes.size()];
        int predicted = classModel.classify(slots, probabilities);
        if (predicted == FlatTree.NONE) {
            return null;
        }
        List<Object> values = classes.values();
        Map<String, Double> byClass = new LinkedHashMap<>();
        for (int i = 0; i < probabilities.length; i++) {
            byClass.put(String.valueOf(values.get(i)), probabilities[i]);
        }
        return new Prediction(values.get(predicted), byClass, values.size() == 2 ? probabilities[1] : null);
    }
}
