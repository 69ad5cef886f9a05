package io.easel.server.deployment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.InvalidValueTreatmentMethod;
import org.dmg.pmml.OpType;
import org.dmg.pmml.PMML;
import org.dmg.pmml.PMMLFunctions;
import org.dmg.pmml.VisitorAction;
import org.jpmml.evaluator.InputField;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * The categories a model knows for each of its text inputs, and the category of its own it gives a value it never
 * saw, as its PMML declares them. JPMML-SparkML writes Spark's {@code StringIndexer} in one of two ways: indexing an
 * input directly, as the input's valid values, unseen ones replaced by a category of their own
 * ({@code invalidValueTreatment="asValue"}) with {@code handleInvalid=keep} or refused with {@code error}; indexing a
 * derived field (a text whose missing values were filled first), as {@code if(isIn(x, known…), x, unknown)}. An input
 * whose values the PMML does not enumerate (free text for a tokenizer) has no known categories: any value is taken.
 */
record ModelCategories(Map<String, Domain> byInput) {

    /**
     * @param known the categories the model saw in training
     * @param unknown the category unseen values become, or null when the model refuses them
     */
    record Domain(Set<Object> known, Object unknown) {

        boolean knows(Object value) {
            return known.contains(value);
        }
    }

    /** Derived fields followed back to an input at most this many steps. */
    private static final int MAX_DERIVATION_DEPTH = 16;

    static ModelCategories of(PMML pmml, List<InputField> inputs) {
        Map<String, DerivedField> derived = derivedFields(pmml);
        Map<String, Domain> domains = new HashMap<>();
        for (InputField input : inputs) {
            List<?> valid = input.getDiscreteDomain();
            if (input.getOpType() == OpType.CATEGORICAL && valid != null && !valid.isEmpty()) {
                boolean replaced = input.getMiningField().getInvalidValueTreatment()
                        == InvalidValueTreatmentMethod.AS_VALUE;
                domains.put(input.getName(), new Domain(new LinkedHashSet<>(valid),
                        replaced ? input.getMiningField().getInvalidValueReplacement() : null));
            }
        }
        Set<String> inputNames = new LinkedHashSet<>(inputs.stream().map(InputField::getName).toList());
        for (DerivedField field : derived.values()) {
            keptCategories(field).ifPresent(kept -> {
                String input = origin(kept.indexed(), derived, inputNames);
                if (input != null) {
                    domains.putIfAbsent(input, kept.domain());
                }
            });
        }
        return new ModelCategories(Map.copyOf(domains));
    }

    Optional<Domain> of(String input) {
        return Optional.ofNullable(byInput.get(input));
    }

    /** {@code if(isIn(x, known…), x, unknown)}: what x is, and its categories. */
    private record Kept(String indexed, Domain domain) {}

    private static Optional<Kept> keptCategories(DerivedField field) {
        if (!(field.getExpression() instanceof Apply choice) || !PMMLFunctions.IF.equals(choice.getFunction())
                || choice.getExpressions().size() != 3
                || !(choice.getExpressions().get(0) instanceof Apply test)
                || !PMMLFunctions.ISIN.equals(test.getFunction()) || test.getExpressions().isEmpty()
                || !(test.getExpressions().get(0) instanceof FieldRef tested)
                || !(choice.getExpressions().get(1) instanceof FieldRef kept)
                || !kept.getField().equals(tested.getField())
                || !(choice.getExpressions().get(2) instanceof Constant unknown)) {
            return Optional.empty();
        }
        Set<Object> known = new LinkedHashSet<>();
        for (Expression value : test.getExpressions().subList(1, test.getExpressions().size())) {
            if (!(value instanceof Constant constant)) {
                return Optional.empty();
            }
            known.add(constant.getValue());
        }
        return Optional.of(new Kept(tested.getField(), new Domain(known, unknown.getValue())));
    }

    /** The input a field is computed from, through derived fields that read exactly one field; null if none. */
    private static String origin(String field, Map<String, DerivedField> derived, Set<String> inputs) {
        String current = field;
        for (int step = 0; step < MAX_DERIVATION_DEPTH; step++) {
            if (inputs.contains(current)) {
                return current;
            }
            DerivedField definition = derived.get(current);
            if (definition == null) {
                return null;
            }
            Set<String> read = fieldsRead(definition.getExpression());
            if (read.size() != 1) {
                return null;
            }
            current = read.iterator().next();
        }
        return null;
    }

    private static Set<String> fieldsRead(Expression expression) {
        Set<String> read = new LinkedHashSet<>();
        List<Expression> pending = new ArrayList<>(List.of(expression));
        while (!pending.isEmpty()) {
            Expression next = pending.removeLast();
            if (next instanceof FieldRef ref) {
                read.add(ref.getField());
            } else if (next instanceof Apply apply) {
                pending.addAll(apply.getExpressions());
            }
        }
        return read;
    }

    /** Every derived field of the document and its models, by name (the first of a name wins). */
    private static Map<String, DerivedField> derivedFields(PMML pmml) {
        Map<String, DerivedField> fields = new HashMap<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(DerivedField field) {
                fields.putIfAbsent(field.getName(), field);
                return super.visit(field);
            }
        }.applyTo(pmml);
        return fields;
    }
}
