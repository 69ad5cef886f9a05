package io.easel.components.learn;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exists;

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
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The scaffold of every clustering learner, the unsupervised sibling of {@link SupervisedLearner}: a learner declares
 * its Spark estimator, its own params and what it supports; this class does the rest the same way for all of them.
 * That is the feature and weight params, feature encoding ({@link FeatureEncoding}: one-hot text, booleans, missing
 * values, assembly), the model's output columns, training facts and training again for tuning.
 *
 * <pre>{@code
 * public final class KMeansClustering extends ClusteringLearner {
 *     static final Param<Integer> K = Param.integer("k", ...).defaultValue(3).range(2, 1000);
 *     public KMeansClustering() {
 *         super(clustering("k-means").title(...).description(...).keywords(...)
 *                 .weighted().clusterCount(K).params(K)
 *                 .estimator(p -> new KMeans().setK(p.get(K))));
 *     }
 * }
 * }</pre>
 *
 * <p>Applying a model adds {@value #CLUSTER} (an integer from 0) and, for soft clusterings, {@code probability} (a
 * vector of each cluster's membership probability).
 */
public abstract class ClusteringLearner implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Training data", "训练数据"));

    /** The output column with the assigned cluster, 0 to k - 1. */
    public static final String CLUSTER = "cluster";

    /** The internal column of the assembled feature vector, which evaluations measure distances in. */
    public static final String FEATURES = FeatureEncoding.FEATURES;

    /** Iris's four measurements, without the species: the default example's features. */
    public static final List<String> IRIS_MEASUREMENTS = List.of("sepal_length_cm", "sepal_width_cm",
            "petal_length_cm", "petal_width_cm");

    private static final String UNIT_FEATURES = ModelData.INTERNAL_PREFIX + "unit_features";
    private static final List<String> OUTPUT_NAMES = List.of(CLUSTER, ModelData.PROBABILITY);

    private final Declaration declared;
    private final ComponentDescriptor descriptor;
    private final Port model;

    protected ClusteringLearner(Declaration declaration) {
        this.declared = declaration;
        List<Param<?>> params = declaration.allParams();
        Port port = Port.output("model", PortType.MODEL, Text.of("Model", "模型"),
                new SchemaRule.TrainedModel(IN.name(), null, declaration.features.name(), declaration.outputs()));
        this.model = declaration.pmml ? port : port.withoutPmml();
        this.descriptor = declaration.describe(Category.CLUSTERING, IN, model, params, declaration.examples());
    }

    public static Declaration clustering(String id) {
        return new Declaration(id);
    }

    /**
     * The rows of {@code table} with the model applied and its feature vector kept: the input columns,
     * {@value #FEATURES} and {@value #CLUSTER} (and any other output), for evaluations that measure distances.
     *
     * @param componentId who asks, for messages
     * @throws IllegalArgumentException when the model is not one of this scaffold's, or the table lacks a column it
     *     reads
     */
    public static Dataset<Row> assignWithFeatures(String componentId, ModelData model, Dataset<Row> table) {
        boolean assignsClusters = model.spec().label() == null
                && model.spec().outputs().contains(ColumnSpec.of(CLUSTER, DataType.INTEGER));
        if (!assignsClusters) {
            throw new IllegalArgumentException(componentId + ": the model from '" + model.spec().algorithm()
                    + "' assigns no clusters (it adds " + model.spec().outputs().stream().map(ColumnSpec::name)
                    .toList() + "); connect a clustering model: k-means, bisecting k-means or Gaussian mixture");
        }
        List<String> present = Arrays.asList(table.columns());
        for (ColumnSpec feature : model.spec().features()) {
            if (!present.contains(feature.name())) {
                throw new IllegalArgumentException(componentId + ": the model reads column '" + feature.name()
                        + "', which the table does not have (it has " + present + ")");
            }
        }
        return model.pipeline().transform(table.drop(OUTPUT_NAMES.toArray(String[]::new)));
    }

    /**
     * The rows with {@value #FEATURES} added: the feature columns encoded as this scaffold encodes them (text one-hot,
     * booleans 0/1, missing numbers filled with the mean of these rows), for components that compare rows without
     * training a model.
     *
     * @throws IllegalArgumentException naming a column that has no number at all
     */
    public static Dataset<Row> withFeatureVectors(String componentId, Dataset<Row> rows, List<ColumnSpec> features) {
        return FeatureEncoding.fit(componentId, rows, features, TextFeatures.ONE_HOT, MissingValues.MEAN).pipeline()
                .transform(rows);
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
        List<ColumnSpec> features = params.columns(declared.features);
        ColumnSpec weight = declared.weight == null ? null : params.column(declared.weight);
        LearnerColumns.refuseReservedNames(id, features, OUTPUT_NAMES);
        Dataset<Row> training = in.rows().persist();
        Dataset<Row> prepared = null;
        try {
            FeatureEncoding encoding = FeatureEncoding.fit(id, training, features, declared.text,
                    MissingValues.of(params.get(MissingValues.PARAM)));
            refuseTooWide(encoding.slots().size());
            List<Transformer> stages = new ArrayList<>(encoding.stages());
            String featuresColumn = FeatureEncoding.FEATURES;
            boolean unitLength = declared.unitLength.test(params);
            if (unitLength) {
                stages.add(new Normalizer().setP(2).setInputCol(featuresColumn).setOutputCol(UNIT_FEATURES));
                featuresColumn = UNIT_FEATURES;
            }
            prepared = pipeline(stages).transform(training).persist();
            long rows = prepared.count();
            checkEnoughRows(params, rows);
            if (unitLength) {
                refuseZeroLength(prepared, featuresColumn);
            }
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("featuresCol", featuresColumn);
            columns.put("predictionCol", CLUSTER);
            columns.put("probabilityCol", ModelData.PROBABILITY);
            if (weight != null) {
                columns.put("weightCol", weight.name());
            }
            Model<?> fitted = fitBest(LearnerColumns.withColumns(declared.estimator.apply(params), columns),
                    prepared, params);
            stages.add(fitted);
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("trainingRows", rows);
            metrics.put("features", features.size());
            metrics.putAll(declared.facts.apply(fitted));
            ModelSpec spec = new ModelSpec(id, null, features, declared.outputs().stream()
                    .map(o -> ColumnSpec.of(o.name(), o.type())).toList());
            return new ModelData(spec, in.lineage(), pipeline(stages), List.of(), metrics, encoding.slots(),
                    new LearnerRetraining(descriptor, IN, params.userSet(), this::train));
        } finally {
            training.unpersist();
            if (prepared != null) {
                prepared.unpersist();
            }
        }
    }

    /**
     * Fits the estimator once, or for a learner with {@link Declaration#bestOfRuns runs} that many times from the
     * seeds {@code seed, seed + 1, …}, keeping the best model.
     */
    private Model<?> fitBest(Estimator<?> estimator, Dataset<Row> prepared, BoundParams params) {
        int runs = declared.runs == null ? 1 : params.get(declared.runs);
        if (runs == 1) {
            return (Model<?>) estimator.fit(prepared);
        }
        var seed = estimator.getParam("seed");
        long first = (Long) estimator.getOrDefault(seed);
        Model<?> best = null;
        double bestGoodness = Double.NEGATIVE_INFINITY;
        for (int run = 0; run < runs; run++) {
            Model<?> model = (Model<?>) ((Estimator<?>) estimator.copy(new ParamMap().put(seed, first + run)))
                    .fit(prepared);
            double goodness = declared.goodness.applyAsDouble(model);
            if (best == null || goodness > bestGoodness) {
                best = model;
                bestGoodness = goodness;
            }
        }
        return best;
    }

    private void checkEnoughRows(BoundParams params, long rows) {
        if (declared.clusterCount != null && rows < params.get(declared.clusterCount)) {
            throw new IllegalArgumentException(declared.id + ": param '" + declared.clusterCount.name() + "' asks "
                    + "for " + params.get(declared.clusterCount) + " clusters but there are only " + rows
                    + " training rows; lower it or train on more rows");
        }
    }

    /**
     * Before the fitting that would take hours, not after: a learner whose cost grows with the square of the vector's
     * width (a covariance per cluster) refuses features wider than it declared, saying the width.
     */
    private void refuseTooWide(int slots) {
        if (slots > declared.mostSlots) {
            throw new IllegalArgumentException(declared.id + ": the features make a vector of " + slots + " slots "
                    + "(one per number, one per category of each text feature, one per element of a vector), more "
                    + "than the " + declared.mostSlots + " " + declared.widthReason + "; choose fewer feature "
                    + "columns, or reduce them first (PCA, feature selection), or use k-means");
        }
    }

    /** Cosine distance is not defined for a vector of zeros (Spark fails on one): name the problem instead. */
    private void refuseZeroLength(Dataset<Row> prepared, String featuresColumn) {
        Column anyNonZero = exists(functions.vector_to_array(col(featuresColumn), "float64"), x -> x.notEqual(0));
        long zero = prepared.filter(anyNonZero.unary_$bang()).count();
        if (zero > 0) {
            throw new IllegalArgumentException(declared.id + ": " + zero + " training rows have 0 in every feature, "
                    + "and a row of zeros has no direction for cosine distance; leave those rows out or use "
                    + "euclidean distance");
        }
    }

    private static PipelineModel pipeline(List<Transformer> stages) {
        return new PipelineModel(UUID.randomUUID().toString(), stages.toArray(Transformer[]::new));
    }

    /** Everything a clustering learner declares; see {@link ClusteringLearner}. */
    public static final class Declaration extends LearnerDeclaration<Declaration> {
        private boolean soft;
        private Param<Integer> clusterCount;
        private Predicate<BoundParams> unitLength = p -> false;
        private Param<Integer> runs;
        private ToDoubleFunction<Model<?>> goodness;

        private int mostSlots = Integer.MAX_VALUE;
        private String widthReason;
        private Param<List<String>> features;
        private Param<String> weight;

        private Declaration(String id) {
            super(id);
        }

        /** Each row belongs to every cluster with a probability, added as {@code probability}. */
        public Declaration soft() {
            soft = true;
            return this;
        }

        /** The param with the number of clusters, which training checks against the number of rows. */
        public Declaration clusterCount(Param<Integer> k) {
            clusterCount = k;
            return this;
        }

        /**
         * The param with how many times to train from different random starts (the estimator's seed, then the next
         * ones), keeping the model of highest {@code goodness}: the remedy for a poor local optimum.
         */
        @SuppressWarnings("unchecked")
        public <M extends Model<?>> Declaration bestOfRuns(Param<Integer> count, ToDoubleFunction<M> ofModel) {
            runs = count;
            goodness = m -> ofModel.applyAsDouble((M) m);
            return this;
        }

        /**
         * When to scale each row's feature vector to length 1 before fitting and applying the model: for cosine
         * distance, which ignores length. No assignment changes, a row of zeros (which has no direction) is refused
         * with a message rather than by Spark's assertion, and the PMML form of a centre-based model may compare
         * squared euclidean distances to the (unit-length) centres, which PMML can express.
         */
        public Declaration unitLengthWhen(Predicate<BoundParams> when) {
            unitLength = when;
            return this;
        }

        /**
         * The widest feature vector the learner accepts, checked when the features are encoded, before fitting.
         *
         * @param why why more slots are refused, completing "more than the {@code slots} …"
         */
        public Declaration mostFeatureSlots(int slots, String why) {
            mostSlots = slots;
            widthReason = why;
            return this;
        }

        List<SchemaRule.TrainedModel.ModelOutput> outputs() {
            List<SchemaRule.TrainedModel.ModelOutput> outputs = new ArrayList<>();
            outputs.add(new SchemaRule.TrainedModel.ModelOutput(CLUSTER, DataType.INTEGER));
            if (soft) {
                outputs.add(new SchemaRule.TrainedModel.ModelOutput(ModelData.PROBABILITY, DataType.VECTOR));
            }
            return outputs;
        }

        List<Param<?>> allParams() {
            List<Param<?>> params = new ArrayList<>();
            if (weighted) {
                weight = LearnerColumns.weight(IN);
            }
            features = LearnerColumns.features(IN, Text.of("Columns the clusters are formed on; leave empty to use "
                                    + "every column. Text columns are one-hot encoded, booleans become 0/1. "
                                    + "Distances add up across columns, so put them on comparable scales first.",
                            "用于聚类的列；留空则使用所有列。文本列做独热编码，布尔列转为 0/1。距离按各列累加，请先把各列调整到可比的尺度。"));
            if (weighted) {
                features = features.excluding(weight);
            }
            params.add(features);
            if (weighted) {
                params.add(weight);
            }
            params.addAll(own);
            params.add(MissingValues.PARAM);
            return params;
        }

        List<Example> examples() {
            List<Example> all = new ArrayList<>();
            if (defaultExamples) {
                all.add(Example.of("Iris flowers by their measurements", "按测量值对鸢尾花聚类",
                                Map.of("featureColumns", IRIS_MEASUREMENTS))
                        .input(IN, ExampleData.dataset("iris")));
            }
            all.addAll(examples);
            return all;
        }
    }
}
