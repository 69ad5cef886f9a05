package io.easel.server.deployment.compiled;

import com.google.common.collect.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DataType;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldColumnPair;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.InlineTable;
import org.dmg.pmml.MapValues;
import org.dmg.pmml.PMML;
import org.dmg.pmml.PMMLFunctions;
import org.dmg.pmml.SimplePredicate;
import org.dmg.pmml.VisitorAction;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.HasPMML;
import org.jpmml.evaluator.InlineTableUtil;
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
    /** The functions that compare a field with constants, which name its categories or values. */
    private static final Set<String> COMPARISONS = Set.of(PMMLFunctions.EQUAL, PMMLFunctions.NOTEQUAL,
            PMMLFunctions.ISIN, PMMLFunctions.ISNOTIN);
    /** Derived fields followed back to an input at most this many steps. */
    private static final int MAX_DERIVATION_DEPTH = 16;

    private VerificationRecords() {}

    public static List<Map<String, FieldValue>> synthesise(Evaluator evaluator, int count, long seed) {
        NamedValues named = NamedValues.of(((HasPMML) evaluator).getPMML());
        Map<InputField, List<Object>> candidates = new LinkedHashMap<>();
        for (InputField input : evaluator.getInputFields()) {
            candidates.put(input, candidates(input, named.numbers().getOrDefault(input.getName(), Set.of()),
                    named.categories().getOrDefault(input.getName(), Set.of())));
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

    private static List<Object> candidates(InputField input, Set<Double> splits, Set<String> categories) {
        List<Object> values = new ArrayList<>();
        DataType type = input.getDataType();
        List<?> domain = input.getDiscreteDomain();
        // a text input without a domain of its own (an indexed one) takes the categories the model names
        List<?> known = domain != null && !domain.isEmpty() ? domain
                : type == DataType.STRING ? List.copyOf(categories) : List.of();
        if (!known.isEmpty()) {
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

    /**
     * What the model names of each input: split points and the constants it compares numbers with, and the
     * categories it compares texts with or maps (a string indexer's table), each followed back from the derived
     * fields to the input they are computed from. A split on a scaled field is taken back through the scaling, so
     * that the raw input meets it on both sides.
     */
    private record NamedValues(Map<String, Set<Double>> numbers, Map<String, Set<String>> categories) {

        static NamedValues of(PMML pmml) {
            NamedValues named = new NamedValues(new HashMap<>(), new HashMap<>());
            Map<String, Derivation> derivations = new HashMap<>();
            new AbstractVisitor() {
                @Override
                public VisitorAction visit(SimplePredicate predicate) {
                    named.addSplit(predicate.requireField(), predicate.getValue());
                    return super.visit(predicate);
                }

                @Override
                public VisitorAction visit(Apply apply) {
                    List<Expression> arguments = apply.getExpressions();
                    if (COMPARISONS.contains(apply.requireFunction()) && !arguments.isEmpty()
                            && arguments.getFirst() instanceof FieldRef ref) {
                        for (Expression argument : arguments.subList(1, arguments.size())) {
                            if (argument instanceof Constant constant) {
                                named.addCompared(ref.requireField(), constant.getValue());
                            }
                        }
                    }
                    return super.visit(apply);
                }

                @Override
                public VisitorAction visit(MapValues mapValues) {
                    InlineTable table = InlineTableUtil.getInlineTable(mapValues);
                    if (table != null) {
                        Table<Integer, String, Object> content = InlineTableUtil.getContent(table);
                        for (FieldColumnPair pair : mapValues.getFieldColumnPairs()) {
                            content.column(pair.requireColumn()).values()
                                    .forEach(cell -> named.addCompared(pair.requireField(), cell));
                        }
                    }
                    return super.visit(mapValues);
                }

                @Override
                public VisitorAction visit(DerivedField field) {
                    Set<String> read = fieldsRead(field.requireExpression());
                    if (read.size() == 1) {
                        derivations.put(field.requireName(), new Derivation(read.iterator().next(),
                                Derivation.inverse(field.requireExpression())));
                    }
                    return super.visit(field);
                }
            }.applyTo(pmml);
            return named.byOrigin(derivations);
        }

        /** A split point, or a category when it is no number. */
        private void addSplit(String field, Object value) {
            if (value != null && !addNumber(field, value)) {
                categories.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(String.valueOf(value));
            }
        }

        /** A value the field is compared with: a category of a text field (which may read as a number), or a number. */
        private void addCompared(String field, Object value) {
            if (value != null) {
                categories.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(String.valueOf(value));
                addNumber(field, value);
            }
        }

        private boolean addNumber(String field, Object value) {
            try {
                numbers.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(Double.parseDouble(
                        String.valueOf(value)));
                return true;
            } catch (NumberFormatException text) {
                return false;
            }
        }

        private NamedValues byOrigin(Map<String, Derivation> derivations) {
            NamedValues origins = new NamedValues(new HashMap<>(), new HashMap<>());
            numbers.forEach((field, points) -> {
                for (double point : points) {
                    String origin = field;
                    double value = point;
                    for (int step = 0; step < MAX_DERIVATION_DEPTH && derivations.containsKey(origin); step++) {
                        Derivation derivation = derivations.get(origin);
                        origin = derivation.source();
                        value = derivation.inverse().applyAsDouble(value);
                    }
                    origins.numbers.computeIfAbsent(origin, f -> new LinkedHashSet<>()).add(value);
                }
            });
            categories.forEach((field, names) -> {
                String origin = field;
                for (int step = 0; step < MAX_DERIVATION_DEPTH && derivations.containsKey(origin); step++) {
                    origin = derivations.get(origin).source();
                }
                origins.categories.computeIfAbsent(origin, f -> new LinkedHashSet<>()).addAll(names);
            });
            return origins;
        }
    }

    /** A derived field computed from one field, and how a value of it maps back to a value of that field. */
    private record Derivation(String source, DoubleUnaryOperator inverse) {

        /**
         * The inverse of arithmetic with constants ({@code (x - mean) * factor}), taken step by step; any other
         * expression of one field (a cast, a fill, an index) is taken as keeping its values.
         */
        static DoubleUnaryOperator inverse(Expression expression) {
            if (!(expression instanceof Apply apply) || apply.getExpressions().size() != 2) {
                return DoubleUnaryOperator.identity();
            }
            Expression left = apply.getExpressions().get(0);
            Expression right = apply.getExpressions().get(1);
            boolean constantRight = right instanceof Constant;
            Double constant = constantValue(constantRight ? right : left);
            if (constant == null || constant == 0 || (left instanceof Constant) == constantRight) {
                return DoubleUnaryOperator.identity();
            }
            double c = constant;
            DoubleUnaryOperator inner = inverse(constantRight ? left : right);
            DoubleUnaryOperator step = switch (apply.requireFunction()) {
                case PMMLFunctions.ADD -> y -> y - c;
                case PMMLFunctions.SUBTRACT -> constantRight ? y -> y + c : y -> c - y;
                case PMMLFunctions.MULTIPLY -> y -> y / c;
                case PMMLFunctions.DIVIDE -> constantRight ? y -> y * c : y -> c / y;
                default -> DoubleUnaryOperator.identity();
            };
            return step.andThen(inner);
        }

        private static Double constantValue(Expression expression) {
            if (!(expression instanceof Constant constant) || constant.getValue() == null) {
                return null;
            }
            try {
                return Double.parseDouble(String.valueOf(constant.getValue()));
            } catch (NumberFormatException text) {
                return null;
            }
        }
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
