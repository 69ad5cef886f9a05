package io.easel.server.deployment.compiled;

import java.util.List;
import java.util.Map;
import org.jpmml.evaluator.FieldValue;

/** Turns a record's prepared values into slots: reads the inputs, then computes the derived fields in order. */
final class RecordProgram {

    record Input(String name, int slot, Kind kind) {}

    record Step(int slot, ValueExpression expression) {}

    private final int size;
    private final Input[] inputs;
    private final Step[] steps;
    private final TextCodes codes;

    RecordProgram(int size, List<Input> inputs, List<Step> steps, TextCodes codes) {
        this.size = size;
        this.inputs = inputs.toArray(Input[]::new);
        this.steps = steps.toArray(Step[]::new);
        this.codes = codes;
    }

    /**
     * @return the record's slots, or null when a value is of a type the compiled model does not read or a derived
     *     field is one only the interpreter computes as it does ({@link LeftToInterpreter})
     */
    double[] run(Map<String, FieldValue> arguments) {
        double[] slots = new double[size];
        for (Input input : inputs) {
            FieldValue field = arguments.get(input.name());
            Object value = field == null ? null : field.getValue();
            double slot;
            if (value == null) {
                slot = Double.NaN;
            } else if (input.kind().isNumber() && value instanceof Number number) {
                slot = number.doubleValue();
            } else if (input.kind() == Kind.TEXT && value instanceof String text) {
                slot = codes.of(text);
            } else {
                return null;
            }
            slots[input.slot()] = slot;
        }
        try {
            for (Step step : steps) {
                slots[step.slot()] = step.expression().evaluate(slots);
            }
        } catch (LeftToInterpreter undecided) {
            return null;
        }
        return slots;
    }
}
