package io.easel.engine.export;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.run.TrainingProfile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes a model's {@link TrainingProfile} from the raw records it trained on, in three Spark jobs whatever the
 * number of inputs, collecting only counts: the quantile edges of every numeric input (one {@code approxQuantile}),
 * the value counts of every other input (one group-by, its {@value #TOP_CATEGORIES} most frequent values kept per
 * input), and the bin counts of every numeric input (one group-by). Vector and token-list inputs are left out: a
 * scoring request does not carry them as one value. Never throws: a failure gives a profile saying why it is missing.
 */
public final class TrainingProfiler {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingProfiler.class);

    /** Quantile bins per numeric input (fewer where quantiles coincide, as for a few distinct whole numbers). */
    static final int NUMERIC_BINS = 10;
    /** Categories kept per text input; every other value shares one bin. */
    static final int TOP_CATEGORIES = 20;
    /** approxQuantile's relative error: edges within 0.1% of the rows of the exact quantile. */
    private static final double QUANTILE_ERROR = 0.001;
    private static final String FEATURE = "feature";
    private static final String VALUE = "value";

    private TrainingProfiler() {}

    /**
     * @param rows raw records with (at least) the {@code inputs} columns
     * @param inputs the raw columns a scoring request carries, in the model's order
     */
    public static TrainingProfile of(Dataset<Row> rows, List<ColumnSpec> inputs) {
        try {
            return profile(rows, inputs);
        } catch (Exception | LinkageError e) {
            LOG.warn("Training profile of the exported model not computed", e);
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return TrainingProfile.notProfiled(message.lines().findFirst().orElse(message));
        }
    }

    private static TrainingProfile profile(Dataset<Row> rows, List<ColumnSpec> inputs) {
        List<ColumnSpec> profiled = inputs.stream()
                .filter(c -> c.type() != DataType.VECTOR && c.type() != DataType.TOKENS).toList();
        if (profiled.isEmpty()) {
            return TrainingProfile.notProfiled("the model has no input a scoring request carries as one value");
        }
        List<String> numeric = profiled.stream().filter(c -> c.type().isNumeric()).map(ColumnSpec::name).toList();
        Map<String, List<Double>> edges = quantileEdges(rows, numeric);
        Map<String, long[]> counts = new HashMap<>(numericCounts(rows, edges));
        Map<String, List<String>> categories = new HashMap<>();
        List<String> text = profiled.stream().filter(c -> !c.type().isNumeric()).map(ColumnSpec::name).toList();
        categoryCounts(rows, text, categories, counts);

        long total = Arrays.stream(counts.get(profiled.getFirst().name())).sum();
        if (total == 0) {
            return TrainingProfile.notProfiled("the records the model trained on are empty");
        }
        List<TrainingProfile.Feature> features = new ArrayList<>();
        for (ColumnSpec input : profiled) {
            String name = input.name();
            List<Double> shares = Arrays.stream(counts.get(name)).mapToObj(n -> (double) n / total).toList();
            features.add(input.type().isNumeric()
                    ? new TrainingProfile.Feature(name, TrainingProfile.Kind.NUMERIC, edges.get(name), List.of(),
                            shares)
                    : new TrainingProfile.Feature(name, TrainingProfile.Kind.CATEGORICAL, List.of(),
                            categories.get(name), shares));
        }
        return new TrainingProfile(total, features, null);
    }

    /** The distinct deciles of every numeric column, in one Spark job (nulls and NaN ignored). */
    private static Map<String, List<Double>> quantileEdges(Dataset<Row> rows, List<String> numeric) {
        Map<String, List<Double>> edges = new HashMap<>();
        if (numeric.isEmpty()) {
            return edges;
        }
        double[] probabilities = new double[NUMERIC_BINS - 1];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = (i + 1) / (double) NUMERIC_BINS;
        }
        Dataset<Row> asDoubles = rows.select(numeric.stream().map(name -> column(name).cast("double").as(name))
                .toArray(Column[]::new));
        double[][] quantiles = asDoubles.stat().approxQuantile(numeric.toArray(String[]::new), probabilities,
                QUANTILE_ERROR);
        for (int i = 0; i < numeric.size(); i++) {
            TreeSet<Double> distinct = new TreeSet<>();
            Arrays.stream(quantiles[i]).forEach(distinct::add);
            edges.put(numeric.get(i), List.copyOf(distinct));
        }
        return edges;
    }

    /** Every numeric column's records per bin (the missing bin last), in one Spark job. */
    private static Map<String, long[]> numericCounts(Dataset<Row> rows, Map<String, List<Double>> edges) {
        Map<String, long[]> counts = new HashMap<>();
        if (edges.isEmpty()) {
            return counts;
        }
        List<Column> bins = new ArrayList<>();
        edges.forEach((name, featureEdges) -> {
            counts.put(name, new long[featureEdges.size() + 2]);
            bins.add(struct(lit(name).as(FEATURE), bin(column(name).cast("double"), featureEdges).as(VALUE)));
        });
        for (Row row : rows.select(explode(array(bins.toArray(Column[]::new))).as("b"))
                .groupBy(col("b." + FEATURE), col("b." + VALUE)).count().collectAsList()) {
            counts.get(row.getString(0))[row.getInt(1)] = row.getLong(2);
        }
        return counts;
    }

    /**
     * The bin of a value, as {@link TrainingProfile.Kind#NUMERIC} defines it: the first edge above the value, the
     * last value bin past them all; null and NaN in the missing bin.
     */
    private static Column bin(Column value, List<Double> edges) {
        Column bin = when(value.isNull().or(isnan(value)), lit(edges.size() + 1));
        for (int i = 0; i < edges.size(); i++) {
            bin = bin.when(value.lt(lit(edges.get(i))), lit(i));
        }
        return bin.otherwise(lit(edges.size()));
    }

    /**
     * Every text column's most frequent values and its counts (those values, any other value, missing), in one Spark
     * job that collects at most {@value #TOP_CATEGORIES} values and the missing count per column.
     */
    private static void categoryCounts(Dataset<Row> rows, List<String> text, Map<String, List<String>> categories,
            Map<String, long[]> counts) {
        if (text.isEmpty()) {
            return;
        }
        Column[] values = text.stream()
                .map(name -> struct(lit(name).as(FEATURE), column(name).cast("string").as(VALUE)))
                .toArray(Column[]::new);
        Dataset<Row> valueCounts = rows.select(explode(array(values)).as("v"))
                .groupBy(col("v." + FEATURE).as(FEATURE), col("v." + VALUE).as(VALUE)).count();
        // Missing first, then the most frequent values (ties by value, so that the profile is reproducible)
        Column rank = row_number().over(Window.partitionBy(FEATURE)
                .orderBy(col(VALUE).isNotNull(), desc("count"), col(VALUE)));
        Map<String, List<Long>> topCounts = new HashMap<>();
        Map<String, Long> missing = new HashMap<>();
        Map<String, Long> totals = new HashMap<>();
        Column total = org.apache.spark.sql.functions.sum("count").over(Window.partitionBy(FEATURE));
        for (Row row : valueCounts.withColumn("rank", rank).withColumn("total", total)
                .where(col("rank").leq(TOP_CATEGORIES + 1)).orderBy(FEATURE, "rank").collectAsList()) {
            String feature = row.getString(0);
            totals.put(feature, row.getLong(4));
            if (row.isNullAt(1)) {
                missing.put(feature, row.getLong(2));
            } else if (categories.computeIfAbsent(feature, f -> new ArrayList<>()).size() < TOP_CATEGORIES) {
                categories.get(feature).add(row.getString(1));
                topCounts.computeIfAbsent(feature, f -> new ArrayList<>()).add(row.getLong(2));
            }
        }
        for (String feature : text) {
            List<Long> top = topCounts.getOrDefault(feature, List.of());
            categories.putIfAbsent(feature, new ArrayList<>());
            long[] featureCounts = new long[top.size() + 2];
            for (int i = 0; i < top.size(); i++) {
                featureCounts[i] = top.get(i);
            }
            long missed = missing.getOrDefault(feature, 0L);
            featureCounts[top.size() + 1] = missed;
            featureCounts[top.size()] = totals.getOrDefault(feature, 0L) - missed
                    - top.stream().mapToLong(Long::longValue).sum();
            counts.put(feature, featureCounts);
            categories.put(feature, List.copyOf(categories.get(feature)));
        }
    }

    private static Column column(String name) {
        return col("`" + name.replace("`", "``") + "`");
    }
}
