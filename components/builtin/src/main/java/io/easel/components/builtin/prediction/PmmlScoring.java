package io.easel.components.builtin.prediction;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasProbability;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.jpmml.evaluator.TargetField;

/**
 * What scoring a table with one PMML appends, read once on the driver: the fields the model reads, the prediction
 * column and its type, and the classes whose probabilities come out. Each partition then builds its own evaluator
 * from the same bytes (an evaluator is not serialisable, and building it once per partition keeps the cost off the
 * rows), and scores as the online endpoint does: the target's decoded value, and a classifier's probability per class.
 *
 * @param reads the input fields' names, in the model's order
 * @param predictionType the prediction column's Spark type (a number of any PMML numeric type becomes a double)
 * @param classes the classes of a classifier whose probabilities are appended; empty otherwise
 */
record PmmlScoring(String model, List<String> reads, String predictionColumn, DataType predictionType,
        List<String> classes) implements Serializable {

    /**
     * @throws IllegalArgumentException when the bytes are no PMML this evaluator can score, or the model has no
     *     target to predict
     */
    static PmmlScoring of(String model, byte[] pmml, String predictionColumn, boolean probabilities) {
        Evaluator evaluator = evaluator(model, pmml);
        List<TargetField> targets = evaluator.getTargetFields();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(ScoreWithModel.ID + ": the model at '" + model + "' predicts "
                    + targets.size() + " targets; only models with one target can be scored");
        }
        TargetField target = targets.getFirst();
        List<String> classes = new ArrayList<>();
        if (probabilities && target.getCategories() != null) {
            target.getCategories().forEach(category -> classes.add(String.valueOf(category)));
        }
        List<String> reads = evaluator.getInputFields().stream().map(InputField::getName).toList();
        return new PmmlScoring(model, reads, predictionColumn, sparkType(target.getDataType()), classes);
    }

    /** @throws IllegalArgumentException naming every field the model reads that the table lacks, or a clash */
    void checkReads(Collection<String> columns) {
        List<String> missing = reads.stream().filter(field -> !columns.contains(field)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(ScoreWithModel.ID + ": the model at '" + model + "' reads "
                    + (missing.size() == 1 ? "field " : "fields ") + String.join(", ", missing)
                    + ", which input 'in' does not have (it has " + String.join(", ", columns) + ")");
        }
        for (String added : appended()) {
            if (columns.contains(added)) {
                throw new IllegalArgumentException(ScoreWithModel.ID + ": input 'in' already has a column '" + added
                        + "'; choose another prediction column name or drop that column first");
            }
        }
    }

    StructType outputSchema(StructType input) {
        StructType schema = input.add(predictionColumn, predictionType, true);
        for (String category : classes) {
            schema = schema.add(probabilityColumn(category), DataTypes.DoubleType, true);
        }
        return schema;
    }

    MapPartitionsFunction<Row, Row> partitionScorer(Broadcast<byte[]> pmml, StructType input) {
        int[] positions = reads.stream().mapToInt(input::fieldIndex).toArray();
        return new PartitionScorer(this, pmml, positions);
    }

    static String probabilityColumn(String category) {
        return "probability_" + category;
    }

    private List<String> appended() {
        List<String> names = new ArrayList<>(List.of(predictionColumn));
        classes.forEach(category -> names.add(probabilityColumn(category)));
        return names;
    }

    private static Evaluator evaluator(String model, byte[] pmml) {
        try {
            Evaluator evaluator = new LoadingModelEvaluatorBuilder().load(new ByteArrayInputStream(pmml)).build();
            evaluator.verify();
            return evaluator;
        } catch (Exception | LinkageError e) {
            throw new IllegalArgumentException(ScoreWithModel.ID + ": the file at '" + model
                    + "' is not a PMML model that can be scored: " + e.getMessage(), e);
        }
    }

    private static DataType sparkType(org.dmg.pmml.DataType type) {
        return switch (type) {
            case INTEGER, FLOAT, DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            default -> DataTypes.StringType;
        };
    }

    /** Scores one partition's rows, lazily, with an evaluator of its own. */
    private record PartitionScorer(PmmlScoring scoring, Broadcast<byte[]> pmml, int[] positions)
            implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            Evaluator evaluator = evaluator(scoring.model(), pmml.value());
            List<InputField> fields = evaluator.getInputFields();
            TargetField target = evaluator.getTargetFields().getFirst();
            // The categories as the model types them (a class 1 is an integer): the probability lookup needs them so.
            List<?> categories = scoring.classes().isEmpty() ? List.of() : target.getCategories();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Row next() {
                    return score(evaluator, fields, target.getName(), categories, rows.next());
                }
            };
        }

        private Row score(Evaluator evaluator, List<InputField> fields, String target, List<?> categories, Row row) {
            Map<String, FieldValue> arguments = new LinkedHashMap<>();
            for (int i = 0; i < fields.size(); i++) {
                InputField field = fields.get(i);
                arguments.put(field.getName(), field.prepare(row.get(positions[i])));
            }
            Object raw = evaluator.evaluate(arguments).get(target);
            Object[] values = new Object[row.size() + 1 + categories.size()];
            for (int i = 0; i < row.size(); i++) {
                values[i] = row.get(i);
            }
            values[row.size()] = prediction(EvaluatorUtil.decode(raw));
            for (int c = 0; c < categories.size(); c++) {
                values[row.size() + 1 + c] = raw instanceof HasProbability probable
                        ? probable.getProbability(categories.get(c)) : null;
            }
            return RowFactory.create(values);
        }

        private Object prediction(Object decoded) {
            if (decoded == null) {
                return null;
            }
            if (scoring.predictionType() == DataTypes.DoubleType) {
                return ((Number) decoded).doubleValue();
            }
            return scoring.predictionType() == DataTypes.BooleanType ? decoded : String.valueOf(decoded);
        }
    }
}
