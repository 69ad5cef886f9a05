package io.easel.components.selection;

import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.spi.Trainer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The learner behind a model, judged on a table it did not train on: the table is divided once ({@link Resampling}),
 * and each setting of the learner's params is trained again without each held-out part and measured on it. Any
 * learner's model works, supervised or clustering, since it carries how to train it again ({@link Trainer}).
 */
public final class LearnerValidation implements AutoCloseable {

    /** The internal column of {@link #heldOut} rows with their part's number, from 0. */
    public static final String PART = Resampling.PART;

    private final Setup setup;
    private final Resampling parts;

    private LearnerValidation(Setup setup, Resampling parts) {
        this.setup = setup;
        this.parts = parts;
    }

    /**
     * What a model selection node starts from: the model on its input (whose learner it trains again) and the table.
     *
     * @param metric the metric param's value ({@code auto} or a metric's id)
     * @throws IllegalArgumentException when the model cannot be trained again, the metric does not suit it, or the
     *     table lacks its label
     */
    public static Setup setup(String componentId, SparkSession spark, ModelData model, TableData in, String metric) {
        return new Setup(componentId, spark, model, in, metric);
    }

    /** One held-out part: how many rows the model was measured on, its metrics, and the model trained without it. */
    public record Part(int part, long rows, Map<ModelMetric, Double> metrics, ModelData model) {
        public Part {
            metrics = Map.copyOf(metrics);
        }
    }

    /** The mean, sample standard deviation, least and greatest of some values. */
    public record Spread(double mean, double std, double min, double max) {
        public static Spread of(List<Double> values) {
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
            double std = values.size() < 2 ? 0 : Math.sqrt(squares / (values.size() - 1));
            return new Spread(mean, std, values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
                    values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
        }

        /** The spread of one metric over parts. */
        public static Spread of(List<Part> parts, ModelMetric metric) {
            return of(parts.stream().map(p -> p.metrics().get(metric)).toList());
        }
    }

    public Trainer trainer() {
        return setup.trainer;
    }

    /** The metric settings are judged by. */
    public ModelMetric metric() {
        return setup.metric;
    }

    /** Every metric measured, the chosen one among them. */
    public List<ModelMetric> measured() {
        return setup.measured;
    }

    /**
     * Trains the learner with {@code params} without each held-out part and measures it on that part, one part after
     * the other.
     *
     * @throws IllegalArgumentException when the learner refuses the params or the rows, saying with which setting
     */
    public List<Part> judge(Map<String, Object> params) {
        List<Part> judged = new ArrayList<>();
        for (int part : parts.heldOut()) {
            ModelData model = train(setup.in.withRows(parts.training(part)), params);
            HeldOutMetrics.Measured measure = HeldOutMetrics.measure(setup.componentId, setup.task, model,
                    parts.heldOut(part), setup.measured);
            judged.add(new Part(part, measure.rows(), measure.values(), model));
        }
        return judged;
    }

    /** The held-out rows of a part, with the internal column {@link #PART} holding its number. */
    public Dataset<Row> heldOut(int part) {
        return parts.heldOut(part);
    }

    /** Trains the learner with {@code params} on every row of the table. */
    public ModelData trainOnAll(Map<String, Object> params) {
        return train(setup.in, params);
    }

    private ModelData train(TableData data, Map<String, Object> params) {
        Trainer trainer = setup.trainer;
        try {
            return trainer.train(setup.spark, data, params);
        } catch (IllegalArgumentException e) {
            Map<String, Object> changed = new LinkedHashMap<>(params);
            changed.entrySet().removeIf(p -> p.getValue().equals(trainer.params().get(p.getKey())));
            throw new IllegalArgumentException(setup.componentId + ": training '" + trainer.componentId() + "' again"
                    + (changed.isEmpty() ? "" : " with " + new Setting(changed)) + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        parts.close();
    }

    /** A model and a table checked for validation, before the table is divided. */
    public static final class Setup {
        private final String componentId;
        private final SparkSession spark;
        private final TableData in;
        private final Trainer trainer;
        private final ModelTask task;
        private final ModelMetric metric;
        private final List<ModelMetric> measured;
        private final ColumnSpec classes;

        private Setup(String componentId, SparkSession spark, ModelData model, TableData in, String metricParam) {
            if (model.trainer() == null) {
                throw new IllegalArgumentException(componentId + ": the model on input 'model' (from '"
                        + model.spec().algorithm() + "') does not say how it was trained, so it cannot be trained "
                        + "again; connect the model output of a learner node");
            }
            ColumnSpec label = model.spec().label();
            if (label != null && !Arrays.asList(in.rows().columns()).contains(label.name())) {
                throw new IllegalArgumentException(componentId + ": input 'in' has no column '" + label.name()
                        + "', the label of the model from '" + model.spec().algorithm() + "' (it has "
                        + Arrays.asList(in.rows().columns()) + "); connect the table to train and judge it on");
            }
            this.componentId = componentId;
            this.spark = spark;
            this.in = in;
            this.trainer = model.trainer();
            this.task = ModelTask.of(componentId, model);
            this.metric = ModelMetric.chosen(componentId, metricParam, task, model);
            this.measured = ModelMetric.measured(task, model);
            this.classes = task.hasClasses() ? label : null;
        }

        /** How to train the model's learner again; its declaration says which params may be tuned. */
        public Trainer trainer() {
            return trainer;
        }

        /** Judged by {@code k} folds, each held out once. */
        public LearnerValidation folds(int k, long seed) {
            return new LearnerValidation(this, Resampling.folds(componentId, in.rows(), k, seed, classes));
        }

        /** Judged on one validation part, the rest of {@code trainFraction} training. */
        public LearnerValidation split(double trainFraction, long seed) {
            return new LearnerValidation(this, Resampling.split(componentId, in.rows(), trainFraction, seed,
                    classes));
        }
    }
}
