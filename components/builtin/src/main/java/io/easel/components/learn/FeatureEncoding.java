package io.easel.components.learn;

import static org.apache.spark.ml.functions.vector_to_array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.components.spi.ModelData;
import io.easel.components.transform.ColumnTypeCast;
import io.easel.components.transform.FillMissing;
import io.easel.components.transform.VectorFillMissing;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.attribute.Attribute;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.feature.Imputer;
import org.apache.spark.ml.feature.OneHotEncoder;
import org.apache.spark.ml.feature.StandardScaler;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import scala.Option;

/**
 * Turns feature columns of any Easel type into the one vector column Spark's learners read, with stages fitted on
 * the training rows that all convert to PMML: booleans become 0/1, missing numbers are filled (or refused), text is
 * indexed or one-hot encoded, and everything is assembled in feature order. Applied at scoring time the same stages
 * treat new rows exactly as the training rows were treated, missing values and unseen categories included.
 *
 * @param stages the fitted stages, in order; applying them adds {@link #FEATURES}
 * @param slots the name of each slot of the assembled vector
 * @param categories for {@link TextFeatures#INDEXED}, the number of categories of each text feature (for bins)
 */
record FeatureEncoding(List<Transformer> stages, List<String> slots, java.util.Map<String, Integer> categories) {

    static final String FEATURES = ModelData.INTERNAL_PREFIX + "features";
    private static final String ASSEMBLED = ModelData.INTERNAL_PREFIX + "assembled";
    private static final String AS_DOUBLE = ModelData.INTERNAL_PREFIX + "double_";
    private static final String FILLED = ModelData.INTERNAL_PREFIX + "filled_";
    private static final String INDEXED = ModelData.INTERNAL_PREFIX + "indexed_";
    private static final String ONE_HOT = ModelData.INTERNAL_PREFIX + "onehot_";
    /** Vectors up to this size get their missing slots filled. */
    private static final int MOST_FILLED_SLOTS = 10_000;
    /** The category a missing text value falls into. */
    static final String MISSING_TEXT = "(missing)";

    /**
     * Fits the encoding of {@code features} on {@code training}.
     *
     * @throws IllegalArgumentException naming the column, when numbers are missing and {@code missing} is FAIL or a
     *     column has no number at all
     */
    static FeatureEncoding fit(String componentId, Dataset<Row> training, List<ColumnSpec> features,
            TextFeatures text, MissingValues missing) {
        return fit(componentId, training, features, text, missing, false);
    }

    /**
     * As {@link #fit(String, Dataset, List, TextFeatures, MissingValues)}, and with {@code standardize} every slot
     * is then centred and scaled to unit variance on the training rows (for learners that are sensitive to scale and
     * do not standardize themselves); a slot without variance becomes 0.
     */
    static FeatureEncoding fit(String componentId, Dataset<Row> training, List<ColumnSpec> features,
            TextFeatures text, MissingValues missing, boolean standardize) {
        List<Transformer> stages = new ArrayList<>();
        Dataset<Row> data = training;
        List<String> assembled = new ArrayList<>();
        for (ColumnSpec feature : features) {
            assembled.add(feature.name());
        }

        List<ColumnSpec> booleans = features.stream().filter(f -> f.type() == DataType.BOOLEAN).toList();
        if (!booleans.isEmpty()) {
            ColumnTypeCast cast = new ColumnTypeCast()
                    .setInputCols(booleans.stream().map(ColumnSpec::name).toList())
                    .setOutputCols(booleans.stream().map(b -> AS_DOUBLE + b.name()).toList())
                    .setTargetType(DataType.DOUBLE);
            stages.add(cast);
            data = cast.transform(data);
            booleans.forEach(b -> rename(assembled, b.name(), AS_DOUBLE + b.name()));
        }

        List<ColumnSpec> numbers = features.stream()
                .filter(f -> f.type().isNumeric() || f.type() == DataType.BOOLEAN).toList();
        if (!numbers.isEmpty()) {
            List<String> inputs = numbers.stream().map(n -> current(assembled, features, n)).toList();
            if (missing == MissingValues.FAIL) {
                refuseMissing(componentId, data, numbers, inputs);
            } else {
                checkSomeValues(componentId, data, numbers, inputs);
                // Spark's imputer computes the fill values; FillMissing applies them and converts to PMML whatever
                // step made the column.
                Row surrogates = new Imputer()
                        .setInputCols(inputs.toArray(String[]::new))
                        .setOutputCols(numbers.stream().map(n -> FILLED + n.name()).toArray(String[]::new))
                        .setStrategy(missing == MissingValues.MEDIAN ? "median" : "mean")
                        .fit(data)
                        .surrogateDF()
                        .first();
                List<Double> values = new ArrayList<>();
                for (String input : inputs) {
                    values.add(((Number) surrogates.getAs(input)).doubleValue());
                }
                Transformer fill = new FillMissing()
                        .setInputCols(inputs)
                        .setOutputCols(numbers.stream().map(n -> FILLED + n.name()).toList())
                        .setValues(values);
                stages.add(fill);
                data = fill.transform(data);
                for (int i = 0; i < numbers.size(); i++) {
                    rename(assembled, inputs.get(i), FILLED + numbers.get(i).name());
                }
            }
        }

        if (missing != MissingValues.FAIL) {
            // A missing number in a vector is a NaN slot (Spark's assembler); filled like number columns, so the
            // learner sees what a deployment computes for a missing input.
            for (ColumnSpec vector : features.stream().filter(f -> f.type() == DataType.VECTOR).toList()) {
                double[] fills = slotFills(data, vector.name(), missing);
                if (fills != null) {
                    Transformer fill = new VectorFillMissing().setInputCol(vector.name())
                            .setOutputCol(FILLED + vector.name()).setValues(fills);
                    stages.add(fill);
                    data = fill.transform(data);
                    rename(assembled, vector.name(), FILLED + vector.name());
                }
            }
        }

        List<ColumnSpec> texts = features.stream().filter(f -> f.type() == DataType.STRING).toList();
        java.util.Map<String, Integer> categories = new java.util.LinkedHashMap<>();
        if (!texts.isEmpty()) {
            // A missing text is a category of its own, in Spark and in PMML alike (where a missing raw value would
            // otherwise stop the model from predicting).
            Transformer fill = new FillMissing()
                    .setInputCols(texts.stream().map(ColumnSpec::name).toList())
                    .setOutputCols(texts.stream().map(t -> FILLED + t.name()).toList())
                    .setValues(texts.stream().map(t -> MISSING_TEXT).toList());
            stages.add(fill);
            data = fill.transform(data);
            StringIndexerModel indexer = new StringIndexer()
                    .setInputCols(texts.stream().map(t -> FILLED + t.name()).toArray(String[]::new))
                    .setOutputCols(texts.stream().map(t -> INDEXED + t.name()).toArray(String[]::new))
                    .setHandleInvalid("keep")
                    .setStringOrderType("alphabetAsc")
                    .fit(data);
            stages.add(indexer);
            data = indexer.transform(data);
            for (int i = 0; i < texts.size(); i++) {
                categories.put(texts.get(i).name(), indexer.labelsArray()[i].length);
            }
            if (text == TextFeatures.ONE_HOT) {
                Transformer encoder = new OneHotEncoder()
                        .setInputCols(texts.stream().map(t -> INDEXED + t.name()).toArray(String[]::new))
                        .setOutputCols(texts.stream().map(t -> ONE_HOT + t.name()).toArray(String[]::new))
                        .setHandleInvalid("keep")
                        .setDropLast(true)
                        .fit(data);
                stages.add(encoder);
                data = encoder.transform(data);
                texts.forEach(t -> rename(assembled, t.name(), ONE_HOT + t.name()));
            } else {
                texts.forEach(t -> rename(assembled, t.name(), INDEXED + t.name()));
            }
        }

        VectorAssembler assembler = new VectorAssembler()
                .setInputCols(assembled.toArray(String[]::new))
                .setOutputCol(standardize ? ASSEMBLED : FEATURES);
        stages.add(assembler);
        data = assembler.transform(data);
        List<String> slots = slotNames(data.schema().apply(assembler.getOutputCol()), features, assembled);
        if (standardize) {
            stages.add(new StandardScaler().setInputCol(ASSEMBLED).setOutputCol(FEATURES).setWithMean(true)
                    .setWithStd(true).fit(data));
        }
        return new FeatureEncoding(List.copyOf(stages), slots, categories);
    }

    PipelineModel pipeline() {
        return new PipelineModel(Identifiable.randomUID("features"), stages.toArray(Transformer[]::new));
    }

    /**
     * Each slot's mean (or median) over the training rows where it is not NaN, 0 for a slot never present; null for
     * a vector with no value or with more than {@value #MOST_FILLED_SLOTS} slots (hashed features, whose steps make
     * no NaN).
     */
    private static double[] slotFills(Dataset<Row> data, String column, MissingValues missing) {
        Column vector = col(ClassLabels.quoted(column));
        Dataset<Row> present = data.select(vector).filter(vector.isNotNull());
        if (present.isEmpty()) {
            return null;
        }
        int size = ((Vector) present.first().get(0)).size();
        if (size > MOST_FILLED_SLOTS) {
            return null;
        }
        Column value = col("value");
        Column number = when(functions.not(isnan(value)), value);
        List<Row> stats = data.select(functions.posexplode(vector_to_array(vector, "float64")).as(
                        new String[] {"slot", "value"}))
                .groupBy("slot")
                .agg(missing == MissingValues.MEDIAN ? functions.percentile_approx(number, lit(0.5), lit(10_000))
                        : functions.avg(number))
                .collectAsList();
        double[] fills = new double[size];
        for (Row slot : stats) {
            fills[slot.getInt(0)] = slot.isNullAt(1) ? 0 : ((Number) slot.get(1)).doubleValue();
        }
        return fills;
    }

    /** Names of the assembled vector's slots: the feature's name, or {@code feature=category} for one-hot slots. */
    private static List<String> slotNames(StructField vector, List<ColumnSpec> features,
            List<String> assembled) {
        AttributeGroup group = AttributeGroup.fromStructField(vector);
        Option<Attribute[]> attributes = group.attributes();
        List<String> names = new ArrayList<>();
        if (attributes.isEmpty()) {
            return features.stream().map(ColumnSpec::name).toList();
        }
        for (Attribute attribute : attributes.get()) {
            String name = attribute.name().isDefined() ? attribute.name().get() : "slot " + names.size();
            names.add(readable(name, features, assembled));
        }
        return names;
    }

    /** Spark names slots after the internal columns ({@code __easel_onehot_purpose_radio/tv}): give them back. */
    private static String readable(String slot, List<ColumnSpec> features, List<String> assembled) {
        for (int i = 0; i < assembled.size(); i++) {
            String internal = assembled.get(i);
            String feature = features.get(i).name();
            if (slot.equals(internal)) {
                return feature;
            }
            if (slot.startsWith(internal + "_")) {
                return feature + "=" + slot.substring(internal.length() + 1);
            }
        }
        return slot;
    }

    private static void rename(List<String> assembled, String from, String to) {
        assembled.set(assembled.indexOf(from), to);
    }

    private static String current(List<String> assembled, List<ColumnSpec> features, ColumnSpec feature) {
        return assembled.get(features.indexOf(feature));
    }

    /** Spark's assembler refuses missing numbers row by row; say which column has them before training. */
    private static void refuseMissing(String componentId, Dataset<Row> data, List<ColumnSpec> numbers,
            List<String> columns) {
        long[] missing = missingCounts(data, columns);
        for (int i = 0; i < numbers.size(); i++) {
            if (missing[i] > 0) {
                throw new IllegalArgumentException(componentId + ": feature column '" + numbers.get(i).name()
                        + "' has " + missing[i] + " missing values; fill them, leave the column out of "
                        + "'featureColumns', or set 'missingValues' to fill them with the training mean");
            }
        }
    }

    /** A column with no number at all cannot be filled: say so rather than let the imputer fail. */
    private static void checkSomeValues(String componentId, Dataset<Row> data, List<ColumnSpec> numbers,
            List<String> columns) {
        long[] missing = missingCounts(data, columns);
        long rows = missing[columns.size()];
        for (int i = 0; i < numbers.size(); i++) {
            if (rows > 0 && missing[i] == rows) {
                throw new IllegalArgumentException(componentId + ": feature column '" + numbers.get(i).name()
                        + "' has no value in any of the " + rows + " training rows; leave it out of "
                        + "'featureColumns'");
            }
        }
    }

    /** Missing values per column, then the number of rows: one Spark aggregation. */
    static long[] missingCounts(Dataset<Row> data, List<String> columns) {
        List<Column> counts = new ArrayList<>();
        for (String c : columns) {
            Column value = col(ClassLabels.quoted(c));
            counts.add(count(when(value.isNull().or(isnan(value.cast("double"))), 1)));
        }
        counts.add(count(lit(1)));
        Row row = data.agg(counts.getFirst(), counts.subList(1, counts.size()).toArray(Column[]::new)).first();
        long[] result = new long[counts.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = row.getLong(i);
        }
        return result;
    }
}
