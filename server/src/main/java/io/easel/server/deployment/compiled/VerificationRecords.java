package io.easel.server.deployment.compiled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.PMML;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.VisitorAction;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.InputField;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * Records to verify a compiled model on, made from the model alone: each text input takes its known categories, one
 * it never saw (where the model takes one), or nothing; each number the trees' split points on it (at, just above and
 * below each) or nothing. Records combine these at random with a fixed seed, so every split is met on both sides;
 * every other record has missing values. Returned prepared by the model's input fields, as scoring requests are.
 */
public final class VerificationRecords {

    static final String UNSEEN = "(a value the model never saw)";
    private static final double MISSING_SHARE = 0.1;
    /** Derived fields followed back to an input at most this many steps. */
    private static final int MAX_DERIVATION_DEPTH = 16;

    private VerificationRecords() {}

    public static List<Map<String, FieldValue>> synthesise(Evaluator evaluator, int count, long seed) {
        Map<String, Set<Double>> splits = splitPoints(((HasPMML) evaluator).getPMML());
        Map<InputField, List<Object>> candidates = new LinkedHashMap<>();
        for (InputField input : evaluator.getInputFields()) {
            candidates.put(input, candidates(input, splits.getOrDefault(input.getName(), Set.of())));
        }
        Random random = new Random(seed);
        List<Map<String, FieldValue>> records = new ArrayList<>(count);
        while (records.size() < count) {
            // every other record is complete: with many inputs, hardly any record would be otherwise
            double missingShare = records.size() % 2 == 0 ? 0 : MISSING_SHARE;
            Map<String, FieldValue> record = new LinkedHashMap<>();
            for (Map.Entry<InputField, List<Object>> input : candidates.entrySet()) {
                List<Object> values = input.getValue();
                Object value = values.isEmpty() || random.nextDouble() < missingShare ? null
                        : values.get(random.nextInt(values.size()));
                record.put(input.getKey().getName(), prepare(input.getKey(), value));
            }
            records.add(record);
        }
        return records;
    }

    /** As prepared for scoring; a value the model refuses (e.g. a number out of its range) becomes a missing one. */
    private static FieldValue prepare(InputField input, Object value) {
        try {
            return input.prepare(value);
        } catch (RuntimeException refused) {
            return input.prepare((Object) null);
        }
    }

    /** A model that refuses unseen categories answers 422 before scoring: nothing to verify there. */
    private static boolean accepts(InputField input, Object value) {
        try {
            input.prepare(value);
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private static List<Object> candidates(InputField input, Set<Double> splits) {
        List<Object> values = new ArrayList<>();
        DataType type = input.getDataType();
        List<?> known = input.getDiscreteDomain();
        if (known != null && !known.isEmpty()) {
            values.addAll(known);
            if (type == DataType.STRING && accepts(input, UNSEEN)) {
                values.add(UNSEEN);
            }
            return values;
        }
        Set<Double> around = new LinkedHashSet<>(List.of(0d, 1d));
        for (double split : splits) {
            around.addAll(List.of(split, Math.nextUp(split), Math.nextDown(split), split - 1, split + 1,
                    Math.floor(split), Math.ceil(split)));
        }
        for (double value : around) {
            switch (type) {
                case INTEGER -> values.add((int) Math.round(value));
                case DOUBLE -> values.add(value);
                case FLOAT -> values.add((float) value);
                case STRING -> values.add(String.valueOf(value));
                default -> { }
            }
        }
        return values;
    }

    /** Each field's split points, the splits on fields derived from it included. */
    private static Map<String, Set<Double>> splitPoints(PMML pmml) {
        Map<String, Set<Double>> splits = new HashMap<>();
        Map<String, String> derivedFrom = new HashMap<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(SimplePredicate predicate) {
                if (predicate.getValue() != null) {
                    try {
                        splits.computeIfAbsent(predicate.requireField(), f -> new LinkedHashSet<>())
                                .add(Double.parseDouble(String.valueOf(predicate.getValue())));
                    } catch (NumberFormatException text) {
                        // a category, not a split point
                    }
                }
                return super.visit(predicate);
            }

            @Override
            public VisitorAction visit(DerivedField field) {
                Set<String> read = fieldsRead(field.requireExpression());
                if (read.size() == 1) {
                    derivedFrom.put(field.requireName(), read.iterator().next());
                }
                return super.visit(field);
            }
        }.applyTo(pmml);
        Map<String, Set<Double>> byOrigin = new HashMap<>();
        splits.forEach((field, points) -> {
            String origin = field;
            for (int step = 0; step < MAX_DERIVATION_DEPTH && derivedFrom.containsKey(origin); step++) {
                origin = derivedFrom.get(origin);
            }
            byOrigin.computeIfAbsent(origin, f -> new LinkedHashSet<>()).addAll(points);
        });
        return byOrigin;
    }

    private static Set<String> fieldsRead(Expression expression) {
        Set<String> read = new LinkedHashSet<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(FieldRef ref) {
                read.add(ref.requireField());
                return super.visit(ref);
            }
        }.applyTo(expression);
        return read;
    }
}
