package io.easel.components.builtin.classification;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.when;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.ModelSpec;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.builtin.preprocessing.ColumnTypeCast;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.GBTClassificationModel;
import org.apache.spark.ml.classification.GBTClassifier;
import org.apache.spark.ml.feature.IndexToString;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Gradient-boosted decision trees for two classes (Spark's {@code GBTClassifier}). Text features are indexed
 * (unseen values get a bucket of their own), numeric ones used as they are; the label is indexed with the negative
 * class first, so the probability vector reads {@code [P(negative), P(positive)]} and {@code score} is
 * {@code P(positive)}. Every stage converts to PMML.
 */
public final class GbdtClassifier implements SparkComponent {

    static final String ID = "gbdt-classifier";
    private static final String LABEL_INDEX = ModelData.INTERNAL_PREFIX + "label";
    private static final String FEATURES = ModelData.INTERNAL_PREFIX + "features";
    private static final String PREDICTION_INDEX = ModelData.INTERNAL_PREFIX + "prediction";
    private static final String RAW_PREDICTION = ModelData.INTERNAL_PREFIX + "raw_prediction";
    private static final String PREDICTED_LABEL_TEXT = ModelData.INTERNAL_PREFIX + "predicted_label";
    private static final String INDEXED = ModelData.INTERNAL_PREFIX + "indexed_";
    private static final String PREDICTION = "prediction";

    private static final DataType[] LABEL_TYPES = {DataType.STRING, DataType.INTEGER, DataType.LONG, DataType.DOUBLE};
    private static final DataType[] FEATURE_TYPES = LABEL_TYPES;

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Training data", "训练数据"));

    public static final Param<String> LABEL_COLUMN = Param.column("labelColumn", Text.of("Label column", "标签列"),
                    IN, LABEL_TYPES)
            .description(Text.of("The column to predict; it must have exactly two values.",
                    "要预测的列，必须恰好有两个取值。"))
            .required();

    public static final Param<List<String>> FEATURE_COLUMNS = Param.columns("featureColumns",
                    Text.of("Feature columns", "特征列"), IN, FEATURE_TYPES)
            .description(Text.of("Columns the model learns from; leave empty to use every other column.",
                    "模型学习所用的列；留空则使用除标签列以外的所有列。"));

    public static final Param<Integer> MAX_ITER = Param.integer("maxIter", Text.of("Number of trees", "树的数量"))
            .description(Text.of("Boosting iterations, one tree each.", "提升迭代次数，每次迭代生成一棵树。"))
            .defaultValue(20)
            .range(1, 1000);

    public static final Param<Integer> MAX_DEPTH = Param.integer("maxDepth", Text.of("Maximum tree depth",
                    "树的最大深度"))
            .defaultValue(5)
            .range(1, 30);

    public static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Learning rate", "学习率"))
            .description(Text.of("How much each tree contributes (shrinkage).", "每棵树的贡献权重（收缩系数）。"))
            .defaultValue(0.1)
            .range(0, true, 1, false);

    public static final Param<Double> SUBSAMPLING_RATE = Param.decimal("subsamplingRate",
                    Text.of("Subsampling rate", "子采样比例"))
            .description(Text.of("Share of rows each tree is trained on.", "每棵树训练时使用的行比例。"))
            .defaultValue(1.0)
            .range(0, true, 1, false);

    public static final Param<Integer> MAX_BINS = Param.integer("maxBins", Text.of("Maximum bins", "最大分箱数"))
            .description(Text.of("Bins for splitting numeric features; must exceed the number of values of every "
                            + "text feature.",
                    "数值特征切分时的分箱数；必须大于每个文本特征的取值个数。"))
            .defaultValue(32)
            .range(2, 10000);

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .defaultValue(42);

    public static final Param<String> POSITIVE_LABEL = Param.string("positiveLabel",
                    Text.of("Positive label", "正类标签"))
            .description(Text.of("The label value whose probability is the score; leave blank to take the less "
                            + "frequent value.",
                    "其概率作为得分的标签取值；留空则取出现次数较少的取值。"));

    public static final Port MODEL = Port.output("model", PortType.MODEL, Text.of("Model", "模型"),
            new SchemaRule.TrainedModel(IN.name(), LABEL_COLUMN.name(), FEATURE_COLUMNS.name(), List.of(
                    new SchemaRule.TrainedModel.ModelOutput(PREDICTION, null),
                    new SchemaRule.TrainedModel.ModelOutput(ModelData.PROBABILITY, DataType.VECTOR),
                    new SchemaRule.TrainedModel.ModelOutput(ModelData.SCORE, DataType.DOUBLE))));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.CLASSIFICATION)
            .title("GBDT binary classifier", "GBDT 二分类")
            .description("Trains gradient-boosted decision trees to tell two classes apart. Applying the model adds "
                            + "the predicted label, the class probabilities and a score, the probability of the "
                            + "positive class.",
                    "训练梯度提升决策树（GBDT）区分两个类别。应用模型会追加预测标签、各类别概率以及得分（正类概率）。")
            .keywords("gbdt", "gbt", "gradient boosting", "boosted trees", "xgboost", "binary", "classification",
                    "梯度提升", "决策树", "二分类", "分类")
            .inputs(IN)
            .outputs(MODEL)
            .params(LABEL_COLUMN, FEATURE_COLUMNS, MAX_ITER, MAX_DEPTH, STEP_SIZE, SUBSAMPLING_RATE, MAX_BINS, SEED,
                    POSITIVE_LABEL)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        TableSpec table = SparkTypes.fromSchema(in.rows().schema());
        ColumnSpec label = labelColumn(table, ctx.param(LABEL_COLUMN));
        List<ColumnSpec> features = featureColumns(table, label, ctx.param(FEATURE_COLUMNS));

        Dataset<Row> training = in.rows().filter(col(label.name()).isNotNull()).persist();
        try {
            BinaryLabels labels = BinaryLabels.of(ID, training, label.name(), ctx.param(POSITIVE_LABEL));
            checkNoMissingNumbers(training, features);
            List<Transformer> stages = new ArrayList<>();
            stages.add(new StringIndexerModel(Identifiable.randomUID("strIdx"), labels.inIndexOrder())
                    .setInputCol(label.name()).setOutputCol(LABEL_INDEX).setHandleInvalid("keep"));
            List<String> text = features.stream().filter(f -> f.type() == DataType.STRING).map(ColumnSpec::name)
                    .toList();
            if (!text.isEmpty()) {
                StringIndexerModel indexer = new StringIndexer()
                        .setInputCols(text.toArray(String[]::new))
                        .setOutputCols(text.stream().map(t -> INDEXED + t).toArray(String[]::new))
                        .setHandleInvalid("keep")
                        .fit(training);
                checkBins(indexer, text, ctx.param(MAX_BINS));
                stages.add(indexer);
            }
            stages.add(new VectorAssembler()
                    .setInputCols(features.stream()
                            .map(f -> f.type() == DataType.STRING ? INDEXED + f.name() : f.name())
                            .toArray(String[]::new))
                    .setOutputCol(FEATURES));
            Dataset<Row> prepared = new PipelineModel(Identifiable.randomUID("prep"),
                    stages.toArray(Transformer[]::new)).transform(training);
            GBTClassificationModel gbt = new GBTClassifier()
                    .setLabelCol(LABEL_INDEX)
                    .setFeaturesCol(FEATURES)
                    .setPredictionCol(PREDICTION_INDEX)
                    .setRawPredictionCol(RAW_PREDICTION)
                    .setProbabilityCol(ModelData.PROBABILITY)
                    .setMaxIter(ctx.param(MAX_ITER))
                    .setMaxDepth(ctx.param(MAX_DEPTH))
                    .setStepSize(ctx.param(STEP_SIZE))
                    .setSubsamplingRate(ctx.param(SUBSAMPLING_RATE))
                    .setMaxBins(ctx.param(MAX_BINS))
                    .setSeed(ctx.param(SEED))
                    .fit(prepared);
            stages.add(gbt);
            stages.addAll(decodePrediction(label, labels));

            PipelineModel pipeline = new PipelineModel(UUID.randomUUID().toString(),
                    stages.toArray(Transformer[]::new));
            StructType scored = pipeline.transformSchema(in.rows().schema());
            ModelSpec spec = new ModelSpec(ID, label, features, List.of(
                    ColumnSpec.of(PREDICTION, SparkTypes.toEasel(scored.apply(PREDICTION).dataType()).orElseThrow()),
                    ColumnSpec.of(ModelData.PROBABILITY,
                            SparkTypes.toEasel(scored.apply(ModelData.PROBABILITY).dataType()).orElseThrow()),
                    ColumnSpec.of(ModelData.SCORE, DataType.DOUBLE)));
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("trees", gbt.getNumTrees());
            metrics.put("features", features.size());
            metrics.put("trainingRows", labels.rows());
            metrics.put("positiveLabel", labels.positive());
            metrics.put("negativeLabel", labels.negative());
            ctx.output(MODEL, new ModelData(spec, in.lineage(), pipeline, List.of(labels.inIndexOrder()), metrics));
        } finally {
            training.unpersist();
        }
    }

    private static ColumnSpec labelColumn(TableSpec table, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(ID + ": param 'labelColumn' is required");
        }
        ColumnSpec label = table.column(name).orElseThrow(() -> new IllegalArgumentException(ID
                + ": param 'labelColumn' names column '" + name + "', which the input does not have (it has "
                + table.columnNames() + ")"));
        if (!List.of(LABEL_TYPES).contains(label.type())) {
            throw new IllegalArgumentException(ID + ": label column '" + name + "' is " + label.type().jsonName()
                    + "; it must be text or a number");
        }
        return label;
    }

    private static List<ColumnSpec> featureColumns(TableSpec table, ColumnSpec label, List<String> chosen) {
        List<ColumnSpec> features = new ArrayList<>();
        if (chosen == null || chosen.isEmpty()) {
            table.columns().stream().filter(c -> !c.name().equals(label.name())).forEach(features::add);
        } else {
            for (String name : chosen) {
                features.add(table.column(name).orElseThrow(() -> new IllegalArgumentException(ID
                        + ": param 'featureColumns' names column '" + name + "', which the input does not have (it "
                        + "has " + table.columnNames() + ")")));
            }
        }
        if (features.isEmpty()) {
            throw new IllegalArgumentException(ID + ": there is no feature column besides the label '"
                    + label.name() + "'");
        }
        for (ColumnSpec feature : features) {
            if (feature.name().equals(label.name())) {
                throw new IllegalArgumentException(ID + ": column '" + label.name()
                        + "' cannot be both the label and a feature");
            }
            if (!List.of(FEATURE_TYPES).contains(feature.type())) {
                throw new IllegalArgumentException(ID + ": feature column '" + feature.name() + "' is "
                        + feature.type().jsonName() + "; features must be text or numbers (convert it with "
                        + "type-conversion, or leave it out of 'featureColumns')");
            }
            if (feature.name().startsWith(ModelData.INTERNAL_PREFIX)
                    || List.of(PREDICTION, ModelData.PROBABILITY, ModelData.SCORE).contains(feature.name())) {
                throw new IllegalArgumentException(ID + ": feature column '" + feature.name()
                        + "' has a name the model's outputs use; leave it out of 'featureColumns'");
            }
        }
        return features;
    }

    /** Spark's assembler refuses missing numbers row by row; say which column has them before training. */
    private static void checkNoMissingNumbers(Dataset<Row> training, List<ColumnSpec> features) {
        List<ColumnSpec> numeric = features.stream().filter(f -> f.type().isNumeric()).toList();
        if (numeric.isEmpty()) {
            return;
        }
        Column[] missing = numeric.stream()
                .map(f -> {
                    Column value = col(f.name());
                    Column isMissing = f.type() == DataType.DOUBLE ? value.isNull().or(isnan(value)) : value.isNull();
                    return count(when(isMissing, 1)).as(f.name());
                })
                .toArray(Column[]::new);
        Row counts = training.agg(missing[0], java.util.Arrays.copyOfRange(missing, 1, missing.length)).first();
        for (int i = 0; i < numeric.size(); i++) {
            long n = counts.getLong(i);
            if (n > 0) {
                throw new IllegalArgumentException(ID + ": feature column '" + numeric.get(i).name() + "' has " + n
                        + " missing values; fill them or leave the column out of 'featureColumns'");
            }
        }
    }

    private static void checkBins(StringIndexerModel indexer, List<String> text, int maxBins) {
        String[][] values = indexer.labelsArray();
        for (int i = 0; i < text.size(); i++) {
            int buckets = values[i].length + 1; // + the bucket for values not seen in training
            if (buckets > maxBins) {
                throw new IllegalArgumentException(ID + ": feature column '" + text.get(i) + "' has "
                        + values[i].length + " distinct values; param 'maxBins' (" + maxBins
                        + ") must be at least " + buckets);
            }
        }
    }

    /** Index back to the label's value, of the label's own type. */
    private static List<Transformer> decodePrediction(ColumnSpec label, BinaryLabels labels) {
        IndexToString toText = new IndexToString().setInputCol(PREDICTION_INDEX).setLabels(labels.inIndexOrder());
        if (label.type() == DataType.STRING) {
            return List.of(toText.setOutputCol(PREDICTION));
        }
        return List.of(toText.setOutputCol(PREDICTED_LABEL_TEXT),
                new ColumnTypeCast().setInputCols(List.of(PREDICTED_LABEL_TEXT)).setOutputCols(List.of(PREDICTION))
                        .setTargetType(label.type()));
    }
}
