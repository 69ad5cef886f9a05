package io.easel.server.deployment.compiled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dmg.pmml.DataField;
import org.dmg.pmml.DerivedField;
import org.dmg.pmml.LocalTransformations;
import org.dmg.pmml.PMML;
import org.dmg.pmml.TransformationDictionary;
import org.dmg.pmml.VisitorAction;
import org.jpmml.model.visitors.AbstractVisitor;

/**
 * Where each field of a record lives while it is scored: one {@code double} slot per input field, derived field and
 * model-chain output the model reads. Built while compiling (a field gets a slot when something first reads it, a
 * derived field after the fields it reads), then frozen into a {@link RecordProgram}.
 */
final class RecordLayout {

    private final Map<String, DataField> dataFields = new HashMap<>();
    private final Map<String, DerivedField> derivedFields = new HashMap<>();
    private final Map<String, Integer> slots = new HashMap<>();
    private final List<Kind> kinds = new ArrayList<>();
    private final Set<String> compiling = new HashSet<>();
    private final List<RecordProgram.Input> inputs = new ArrayList<>();
    private final List<RecordProgram.Step> steps = new ArrayList<>();
    private final TextCodes codes = new TextCodes();
    private final ExpressionCompiler expressions = new ExpressionCompiler(this);

    RecordLayout(PMML pmml, String target) throws NotCompilableException {
        for (DataField field : pmml.requireDataDictionary().getDataFields()) {
            if (!field.requireName().equals(target)) {
                dataFields.put(field.requireName(), field);
            }
        }
        List<DerivedField> derived = new ArrayList<>();
        new AbstractVisitor() {
            @Override
            public VisitorAction visit(TransformationDictionary dictionary) {
                derived.addAll(dictionary.getDerivedFields());
                return super.visit(dictionary);
            }

            @Override
            public VisitorAction visit(LocalTransformations transformations) {
                derived.addAll(transformations.getDerivedFields());
                return super.visit(transformations);
            }
        }.applyTo(pmml);
        for (DerivedField field : derived) {
            if (derivedFields.putIfAbsent(field.requireName(), field) != null
                    || dataFields.containsKey(field.requireName())) {
                throw new NotCompilableException("field '" + field.requireName() + "' is defined twice");
            }
        }
    }

    /** A value the PMML writes (a split point, a set member, a constant), in the slot form of {@code kind}. */
    double encode(Object value, Kind kind) throws NotCompilableException {
        return switch (kind) {
            case TEXT -> codes.name(String.valueOf(value));
            case INTEGER, DOUBLE -> number(value);
            case BOOLEAN -> throw new NotCompilableException("boolean value " + value);
        };
    }

    static double number(Object value) throws NotCompilableException {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new NotCompilableException("number '" + value + "'");
        }
    }

    /** The slot of a field, giving it one (and compiling its definition) on first use. */
    int slot(String name) throws NotCompilableException {
        Integer known = slots.get(name);
        if (known != null) {
            return known;
        }
        DataField data = dataFields.get(name);
        if (data != null) {
            int slot = add(name, Kind.of(data.requireDataType(), name));
            inputs.add(new RecordProgram.Input(name, slot, kinds.get(slot)));
            return slot;
        }
        DerivedField derived = derivedFields.get(name);
        if (derived == null) {
            throw new NotCompilableException("field '" + name + "' is neither an input nor a derived field");
        }
        if (!compiling.add(name)) {
            throw new NotCompilableException("derived field '" + name + "' depends on itself");
        }
        Kind kind = Kind.of(derived.requireDataType(), name);
        ExpressionCompiler.Compiled expression = expressions.compile(derived.requireExpression(), kind);
        if (!kind.holds(expression.kind())) {
            throw new NotCompilableException("derived field '" + name + "' casts " + expression.kind() + " to "
                    + kind);
        }
        int slot = add(name, kind);
        steps.add(new RecordProgram.Step(slot, expression.code()));
        return slot;
    }

    Kind kind(int slot) {
        return kinds.get(slot);
    }

    /** A slot for the output of an earlier model of a chain, which a later one reads. */
    int declareOutput(String name) throws NotCompilableException {
        if (slots.containsKey(name) || dataFields.containsKey(name) || derivedFields.containsKey(name)) {
            throw new NotCompilableException("model output '" + name + "' hides another field");
        }
        return add(name, Kind.DOUBLE);
    }

    RecordProgram program() {
        return new RecordProgram(kinds.size(), inputs, steps, codes);
    }

    private int add(String name, Kind kind) {
        int slot = kinds.size();
        kinds.add(kind);
        slots.put(name, slot);
        return slot;
    }
}
