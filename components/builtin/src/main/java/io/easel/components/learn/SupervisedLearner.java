package io.easel.components.learn;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.isnan;

import io.easel.component.BoundParams;
import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.ModelSpec;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import io.easel.components.transform.ColumnTypeCast;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.NominalAttribute;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.Metadata;

/**
 * The scaffold of every supervised learner, as Spark's {@code Predictor} and KNIME's learner nodes are: a learner
 * declares its Spark estimator, its own params and what it supports; this class does the rest the same way for all
 * of them. That is the label, feature and weight params (bound and checked before training), the label's classes
 * and whether they suit the learner, feature encoding ({@link FeatureEncoding}: text, booleans, missing values,
 * assembly), decoding the prediction back to the label's type, the model's output columns, training facts and
 * training again for cross-validation and tuning.
 *
 * <p>A learner is one final class with a public no-argument constructor that passes its {@link Declaration}:
 *
 * <pre>{@code
 * public final class RandomForestClassifier extends SupervisedLearner {
 *     static final Param<Integer> TREES = Param.integer("numTrees", ...).defaultValue(20).range(1, 1000);
 *     public RandomForestClassifier() {
 *         super(classifier("random-forest-classifier").title(...).description(...).keywords(...)
 *                 .tasks(Task.BINARY, Task.MULTICLASS).weighted().textFeatures(TextFeatures.INDEXED)
 *                 .params(TREES)
 *                 .estimator(p -> new org.apache.spark.ml.classification.RandomForestClassifier()
 *                         .setNumTrees(p.get(TREES))));
 *     }
 * }
 * }</pre>
 *
 * <p>Classifiers' models add {@code prediction} (of the label's type), {@code probability} (a vector in the order of
 * {@link ModelData#labels()}) and {@code score}; classifiers without probabilities add {@code prediction} and a
 * margin {@code score}; regressors add {@code prediction} (double). A learner may add columns the user asks for
 * ({@link Declaration#optionalOutput}, e.g. survival quantiles).
 *
 * <p>Column params a learner declares on the training input (a censoring or offset column) are never features, and
 * like the weight they are handed to Spark as doubles after refusing missing values with a clear message.
 */
public abstract class SupervisedLearner implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Training data", "训练数据"));

    private static final String LABEL_INDEX = ModelData.INTERNAL_PREFIX + "label";
    private static final String PREDICTION_INDEX = ModelData.INTERNAL_PREFIX + "prediction";
    private static final String PREDICTED_LABEL_TEXT = ModelData.INTERNAL_PREFIX + "predicted_label";
    private static final DataType[] CLASS_LABEL_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG,
        DataType.DOUBLE, DataType.BOOLEAN};

    private final Declaration declared;
    private final ComponentDescriptor descriptor;
    private final Port model;

    protected SupervisedLearner(Declaration declaration) {
        this.declared = declaration;
        List<Param<?>> params = declaration.allParams();
        Port trained = Port.output("model", PortType.MODEL, Text.of("Model", "模型"),
                new SchemaRule.TrainedModel(IN.name(), declaration.label.name(), declaration.features.name(),
                        declaration.outputs()));
        this.model = declaration.pmml ? trained : trained.withoutPmml();
        this.descriptor = declaration.describe(declaration.regression() ? Category.REGRESSION
                : Category.CLASSIFICATION, IN, model, params, declaration.examples());
    }

    public static Declaration classifier(String id) {
        return new Declaration(id, false);
    }

    public static Declaration regressor(String id) {
        return new Declaration(id, true);
    }

    @Override
    public final ComponentDescriptor descriptor() {
        return descriptor;
    }

    /** The model output port. */
    public final Port modelPort() {
        return model;
    }

    @Override
    public final void execute(ExecutionContext ctx) {
        ctx.output(model, train(ctx.spark(), ctx.table(IN), ctx.params()));
    }

    private ModelData train(SparkSession spark, TableData in, BoundParams params) {
        String id = declared.id;
        ColumnSpec label = params.column(declared.label);
        List<ColumnSpec> features = params.columns(declared.features);
        ColumnSpec weight = declared.weight == null ? null : params.column(declared.weight);
        LearnerColumns.refuseReservedNames(id, features, declared.outputs().stream()
                .map(SchemaRule.TrainedModel.ModelOutput::name).toList());
        Dataset<Row> labelled = in.rows().filter(col(ClassLabels.quoted(label.name())).isNotNull());
        if (label.type() == DataType.DOUBLE) {
            labelled = labelled.filter(isnan(col(ClassLabels.quoted(label.name()))).unary_$bang());
        }
        Map<String, ColumnSpec> others = otherColumns(params);
        for (ColumnSpec other : others.values()) {
            if (other.type().isNumeric()) {
                // Spark reads weights, offsets and censoring as doubles; some estimators refuse other number types
                labelled = labelled.withColumn(other.name(), col(ClassLabels.quoted(other.name())).cast("double"));
            }
        }
        Dataset<Row> training = labelled.persist();
        try {
            ClassLabels classes = declared.regression() ? null
                    : ClassLabels.of(id, training, label, declared.tasks.contains(Task.MULTICLASS),
                            declared.positive == null ? null : params.get(declared.positive));
            refuseMissing(training, others);
            FeatureEncoding encoding = FeatureEncoding.fit(id, training, features, declared.text,
                    MissingValues.of(params.get(MissingValues.PARAM)), declared.standardized);
            List<Transformer> stages = new ArrayList<>();
            String labelColumn = label.name();
            if (classes != null) {
                stages.add(new StringIndexerModel(Identifiable.randomUID("labelIndex"),
                        classes.values().toArray(String[]::new))
                        .setInputCol(label.name()).setOutputCol(LABEL_INDEX).setHandleInvalid("keep"));
                labelColumn = LABEL_INDEX;
            }
            stages.addAll(encoding.stages());
            Dataset<Row> prepared = new PipelineModel(Identifiable.randomUID("prepare"),
                    stages.toArray(Transformer[]::new)).transform(training);
            if (classes != null) {
                prepared = withExactlyTheClasses(prepared, classes);
            }
            Fitting fitting = new Fitting(id, params, encoding.categories(),
                    classes == null ? 0 : classes.values().size(), encoding.slots(),
                    prepared.select(FeatureEncoding.FEATURES), label, training);
            declared.checkBeforeFit.check(fitting);
            Estimator<?> estimator = declared.estimatorFor != null ? declared.estimatorFor.apply(fitting)
                    : declared.estimator.apply(params);
            Model<?> fitted = (Model<?>) configure(estimator, labelColumn, weight).fit(prepared);
            stages.add(declared.kept.apply(fitted));
            if (classes != null) {
                stages.addAll(decodePrediction(label, classes));
            }
            PipelineModel pipeline = new PipelineModel(UUID.randomUUID().toString(),
                    stages.toArray(Transformer[]::new));
            ModelSpec spec = new ModelSpec(id, label, features, outputs(label, params));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("trainingRows", classes == null ? training.count() : classes.rows());
            metrics.put("features", features.size());
            if (classes != null) {
                metrics.put("classes", classes.values().size());
                if (classes.values().size() == 2) {
                    metrics.put("positiveLabel", classes.positive());
                    metrics.put("negativeLabel", classes.values().getFirst());
                }
            }
            metrics.putAll(declared.facts.apply(fitted));
            return new ModelData(spec, in.lineage(), pipeline, classes == null ? List.of() : classes.values(),
                    metrics, encoding.slots(), new LearnerRetraining(descriptor, IN, retraining(params, classes),
                            this::train));
        } finally {
            training.unpersist();
        }
    }

    /**
     * The params to train again with: the user's, and for two classes the positive one this training settled on, so
     * that a model trained on other rows (a fold of cross-validation) scores the same class even where the other
     * class is the rarer one there.
     */
    private Map<String, Object> retraining(BoundParams params, ClassLabels classes) {
        Map<String, Object> again = new LinkedHashMap<>(params.userSet());
        if (declared.positive != null && classes != null && classes.values().size() == 2) {
            again.put(declared.positive.name(), classes.positive());
        }
        return again;
    }

    /**
     * The label index as learners should see it: the label indexer keeps an index for values not seen in training
     * (so that scoring never fails on them), and says so in the column's metadata, which learners read as one class
     * more than there are (a binary-only learner then refuses two classes, one-vs-rest trains a model too many).
     */
    private static Dataset<Row> withExactlyTheClasses(Dataset<Row> prepared, ClassLabels classes) {
        Metadata metadata = NominalAttribute.defaultAttr().withName(LABEL_INDEX)
                .withValues(classes.values().toArray(String[]::new)).toMetadata();
        return prepared.withColumn(LABEL_INDEX, col(LABEL_INDEX).as(LABEL_INDEX, metadata));
    }

    /**
     * The columns the estimator reads besides label and features, by the param naming each: the weight and the
     * learner's own (censoring, offset …).
     */
    private Map<String, ColumnSpec> otherColumns(BoundParams params) {
        Map<String, ColumnSpec> columns = new LinkedHashMap<>();
        for (Param<?> param : declared.otherColumnParams()) {
            params.columnSpecs(param.name()).filter(c -> !c.isEmpty())
                    .ifPresent(c -> columns.put(param.name(), c.getFirst()));
        }
        return columns;
    }

    /** Spark fails on a missing weight, offset or censoring value deep in a job: say which column has them. */
    private void refuseMissing(Dataset<Row> training, Map<String, ColumnSpec> others) {
        if (others.isEmpty()) {
            return;
        }
        List<String> params = List.copyOf(others.keySet());
        long[] missing = FeatureEncoding.missingCounts(training, params.stream().map(p -> others.get(p).name())
                .toList());
        for (int i = 0; i < params.size(); i++) {
            if (missing[i] > 0) {
                throw new IllegalArgumentException(declared.id + ": column '" + others.get(params.get(i)).name()
                        + "' (param '" + params.get(i) + "') has " + missing[i] + " missing values among the "
                        + missing[params.size()] + " rows with a label; fill them, or filter those rows out first");
            }
        }
    }

    /** Sets the columns the scaffold decides on every param of the estimator that has them. */
    private Estimator<?> configure(Estimator<?> estimator, String labelColumn, ColumnSpec weight) {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("labelCol", labelColumn);
        columns.put("featuresCol", FeatureEncoding.FEATURES);
        if (declared.regression()) {
            columns.put("predictionCol", ModelData.PREDICTION);
        } else {
            columns.put("predictionCol", PREDICTION_INDEX);
            columns.put("rawPredictionCol", ModelData.RAW_PREDICTION);
            columns.put("probabilityCol", ModelData.PROBABILITY);
        }
        if (weight != null) {
            columns.put("weightCol", weight.name());
        }
        return LearnerColumns.withColumns(estimator, columns);
    }

    private List<ColumnSpec> outputs(ColumnSpec label, BoundParams params) {
        return declared.outputs().stream()
                .filter(o -> o.appended(params))
                .map(o -> ColumnSpec.of(o.name(), o.type() == null ? label.type() : o.type()))
                .toList();
    }

    /** Index back to the label's value, of the label's own type. */
    private static List<Transformer> decodePrediction(ColumnSpec label, ClassLabels classes) {
        IndexToString toText = new IndexToString().setInputCol(PREDICTION_INDEX)
                .setLabels(classes.values().toArray(String[]::new));
        if (label.type() == DataType.STRING) {
            return List.of(toText.setOutputCol(ModelData.PREDICTION));
        }
        return List.of(toText.setOutputCol(PREDICTED_LABEL_TEXT),
                new ColumnTypeCast().setInputCols(List.of(PREDICTED_LABEL_TEXT))
                        .setOutputCols(List.of(ModelData.PREDICTION)).setTargetType(label.type()));
    }

    /**
     * What a learner may check, and size its estimator by, once the label's classes and the feature encoding are
     * known, before fitting.
     *
     * @param textCategories the number of categories seen in training of each text feature
     * @param classCount the number of classes; 0 for regression
     * @param slots the name of each slot of the assembled feature vector ({@code purpose=radio/tv} for a one-hot
     *     slot), in order
     * @param featureVectors the training rows' assembled feature vectors (one vector column), as the estimator will
     *     see them: missing numbers filled, text encoded
     * @param label the label column
     * @param rows the training rows (those with a label), for checks of the values Spark would refuse mid-job
     */
    public record Fitting(String componentId, BoundParams params, Map<String, Integer> textCategories,
            int classCount, List<String> slots, Dataset<Row> featureVectors, ColumnSpec label, Dataset<Row> rows) {

        public int slotCount() {
            return slots.size();
        }
    }

    /** A check before fitting; throws IllegalArgumentException naming the param to change. */
    @FunctionalInterface
    public interface FitCheck {
        void check(Fitting fitting);
    }

    /** Everything a supervised learner declares; see {@link SupervisedLearner} and {@link LearnerDeclaration}. */
    public static final class Declaration extends LearnerDeclaration<Declaration> {
        private final boolean regression;
        private Set<Task> tasks;
        private boolean probabilistic = true;
        private final List<SchemaRule.TrainedModel.ModelOutput> optionalOutputs = new ArrayList<>();
        private boolean standardized;
        private Function<Fitting, Estimator<?>> estimatorFor;
        private UnaryOperator<Model<?>> kept = UnaryOperator.identity();
        private FitCheck checkBeforeFit = f -> {};

        private Param<String> label;
        private Param<List<String>> features;
        private Param<String> weight;
        private Param<String> positive;

        private Declaration(String id, boolean regression) {
            super(id);
            this.regression = regression;
            this.tasks = regression ? EnumSet.of(Task.REGRESSION) : EnumSet.of(Task.BINARY, Task.MULTICLASS);
        }

        /** For classifiers: binary only, or binary and multiclass (the default). */
        public Declaration tasks(Task... supported) {
            tasks = EnumSet.copyOf(List.of(supported));
            return this;
        }

        /** For classifiers without class probabilities (linear SVM): the score is a margin. */
        public Declaration withoutProbabilities() {
            probabilistic = false;
            return this;
        }

        /**
         * A column the model appends besides its prediction when the boolean param {@code when} (one of the
         * learner's own) is on; the estimator sets Spark's column param for it under the same condition.
         */
        public Declaration optionalOutput(String name, DataType type, Param<Boolean> when) {
            optionalOutputs.add(new SchemaRule.TrainedModel.ModelOutput(name, type, when.name()));
            return this;
        }

        /**
         * The features are centred and scaled to unit variance (fitted on the training rows, applied to every row
         * scored) before the estimator sees them: for learners whose fit depends on the features' scale and that do
         * not standardize themselves (factorization machines).
         */
        public Declaration standardizedFeatures() {
            standardized = true;
            return this;
        }

        /**
         * The Spark estimator for what training found, where its settings depend on the data (e.g. a network's
         * input and output layers are the feature slots and the classes); the scaffold sets the columns. Takes the
         * place of {@link #estimator}.
         */
        public Declaration estimatorFor(Function<Fitting, Estimator<?>> configured) {
            estimatorFor = configured;
            return this;
        }

        /**
         * The model to keep in place of the fitted one: an equivalent form that scores the same and converts to
         * PMML where the fitted form does not. Training facts still come from the fitted model.
         */
        @SuppressWarnings("unchecked")
        public <M extends Model<?>> Declaration keep(Function<M, Model<?>> equivalent) {
            kept = m -> equivalent.apply((M) m);
            return this;
        }

        public Declaration checkBeforeFit(FitCheck check) {
            checkBeforeFit = check;
            return this;
        }

        boolean regression() {
            return regression;
        }

        List<SchemaRule.TrainedModel.ModelOutput> outputs() {
            List<SchemaRule.TrainedModel.ModelOutput> outputs = new ArrayList<>();
            if (regression) {
                outputs.add(new SchemaRule.TrainedModel.ModelOutput(ModelData.PREDICTION, DataType.DOUBLE));
            } else {
                outputs.add(new SchemaRule.TrainedModel.ModelOutput(ModelData.PREDICTION, null));
                if (probabilistic) {
                    outputs.add(new SchemaRule.TrainedModel.ModelOutput(ModelData.PROBABILITY, DataType.VECTOR));
                }
                outputs.add(new SchemaRule.TrainedModel.ModelOutput(ModelData.SCORE, DataType.DOUBLE));
            }
            outputs.addAll(optionalOutputs);
            return outputs;
        }

        /** Column params the estimator reads besides label and features: the weight and the learner's own. */
        List<Param<?>> otherColumnParams() {
            List<Param<?>> columns = new ArrayList<>();
            if (weight != null) {
                columns.add(weight);
            }
            own.stream().filter(p -> p.def().columns() != null && p.def().columns().port().equals(IN.name()))
                    .forEach(columns::add);
            return columns;
        }

        List<Param<?>> allParams() {
            label = regression
                    ? Param.column("labelColumn", Text.of("Label column", "标签列"), IN, LearnerColumns.NUMBER_TYPES)
                            .description(Text.of("The number to predict.", "要预测的数值列。"))
                            .typeHint(Text.of("a regressor predicts numbers: to predict classes use a classifier",
                                    "回归模型预测数值：要预测类别请使用分类模型"))
                            .required()
                    : Param.column("labelColumn", Text.of("Label column", "标签列"), IN, CLASS_LABEL_TYPES)
                            .description(tasks.contains(Task.MULTICLASS)
                                    ? Text.of("The class to predict: two or more values.", "要预测的类别列：两个或更多取值。")
                                    : Text.of("The class to predict: exactly two values.", "要预测的类别列：恰好两个取值。"))
                            .required();
            List<Param<?>> params = new ArrayList<>();
            params.add(label);
            if (weighted) {
                weight = LearnerColumns.weight(IN).excluding(label);
            }
            List<Param<?>> notFeatures = new ArrayList<>(List.of(label));
            notFeatures.addAll(otherColumnParams());
            features = LearnerColumns.features(IN, Text.of("Columns the model learns from; leave empty to use every "
                                    + "other column. Text columns are encoded, booleans become 0/1.",
                            "模型学习所用的列；留空则使用除标签列以外的所有列。文本列会被编码，布尔列转为 0/1。"))
                    .excluding(notFeatures.toArray(Param<?>[]::new));
            params.add(features);
            if (weighted) {
                params.add(weight);
            }
            if (tasks.contains(Task.BINARY)) {
                positive = Param.string("positiveLabel", Text.of("Positive label", "正类标签"))
                        .description(Text.of("For two classes: the label value whose probability is the score; "
                                        + "leave blank to take the less frequent value.",
                                "两个类别时：其概率作为得分的标签取值；留空则取出现次数较少的取值。"))
                        .advanced();
                params.add(positive);
            }
            params.addAll(own);
            params.add(MissingValues.PARAM);
            return params;
        }

        List<Example> examples() {
            List<Example> all = new ArrayList<>();
            if (defaultExamples) {
                if (tasks.contains(Task.BINARY)) {
                    all.add(LearnerExamples.binary());
                }
                if (tasks.contains(Task.MULTICLASS)) {
                    all.add(LearnerExamples.multiclass());
                }
                if (tasks.contains(Task.REGRESSION)) {
                    all.add(LearnerExamples.regression());
                }
            }
            all.addAll(examples);
            return all;
        }
    }
}
