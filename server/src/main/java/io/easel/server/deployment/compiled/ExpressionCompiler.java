package io.easel.server.deployment.compiled;

import java.util.Arrays;
import java.util.List;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.MapValues;
import org.dmg.pmml.PMMLFunctions;

/**
 * Compiles the expressions of the derived fields Easel's exports hold: field references (casts), missing-value
 * fills {@code if(isMissing(x), c, x)}, the unknown-category guard {@code if(isIn(x, known…), x, unknown)}, a string
 * indexer's {@code MapValues}, a one-hot encoder's {@code if(equal(x, category), 1, 0)} and a scaler's arithmetic
 * {@code (x - mean) * factor}. Any other expression leaves the whole model to the interpreter.
 */
final class ExpressionCompiler {

    record Compiled(ValueExpression code, Kind kind) {}

    private static final double TRUE = 1;
    private static final double FALSE = 0;

    private final RecordLayout layout;
    private final MapValuesCompiler mapValues;

    ExpressionCompiler(RecordLayout layout) {
        this.layout = layout;
        this.mapValues = new MapValuesCompiler(layout);
    }

    /** @param expected the kind a constant without a data type of its own takes */
    Compiled compile(Expression expression, Kind expected) throws NotCompilableException {
        return switch (expression) {
            case FieldRef ref -> fieldRef(ref);
            case Constant constant -> constant(constant, expected);
            case Apply apply -> apply(apply, expected);
            case MapValues mapping -> mapValues.compile(mapping);
            default -> throw new NotCompilableException("expression " + expression.getClass().getSimpleName());
        };
    }

    private Compiled fieldRef(FieldRef ref) throws NotCompilableException {
        if (ref.getMapMissingTo() != null) {
            throw new NotCompilableException("field reference with mapMissingTo");
        }
        int slot = layout.slot(ref.requireField());
        return new Compiled(slots -> slots[slot], layout.kind(slot));
    }

    private Compiled constant(Constant constant, Kind expected) throws NotCompilableException {
        Kind kind = constant.getDataType() != null ? Kind.of(constant.getDataType(), "constant") : expected;
        double value = constant.isMissing() || constant.getValue() == null ? Double.NaN
                : layout.encode(constant.getValue(), kind);
        return new Compiled(slots -> value, kind);
    }

    private Compiled apply(Apply apply, Kind expected) throws NotCompilableException {
        if (apply.getMapMissingTo() != null || apply.getDefaultValue() != null) {
            throw new NotCompilableException("function '" + apply.requireFunction() + "' with a default value");
        }
        List<Expression> arguments = apply.getExpressions();
        String function = apply.requireFunction();
        return switch (function) {
            case PMMLFunctions.ISMISSING, PMMLFunctions.ISNOTMISSING -> {
                requireArguments(function, arguments, 1);
                ValueExpression tested = compile(arguments.getFirst(), expected).code();
                double missing = function.equals(PMMLFunctions.ISMISSING) ? TRUE : FALSE;
                double present = TRUE - missing;
                yield new Compiled(slots -> Double.isNaN(tested.evaluate(slots)) ? missing : present, Kind.BOOLEAN);
            }
            case PMMLFunctions.IF -> choice(arguments, expected);
            case PMMLFunctions.ISIN, PMMLFunctions.ISNOTIN -> membership(function, arguments);
            case PMMLFunctions.EQUAL, PMMLFunctions.NOTEQUAL -> equality(function, arguments);
            case PMMLFunctions.ADD, PMMLFunctions.SUBTRACT, PMMLFunctions.MULTIPLY, PMMLFunctions.DIVIDE ->
                    arithmetic(function, arguments);
            default -> throw new NotCompilableException("function '" + function + "'");
        };
    }

    private Compiled choice(List<Expression> arguments, Kind expected) throws NotCompilableException {
        if (arguments.size() != 2 && arguments.size() != 3) {
            throw new NotCompilableException("if with " + arguments.size() + " arguments");
        }
        Compiled condition = compile(arguments.get(0), Kind.BOOLEAN);
        if (condition.kind() != Kind.BOOLEAN) {
            throw new NotCompilableException("if on a " + condition.kind() + " condition");
        }
        // the branches' kind: a field's, when either reads one, so that constants are encoded as that field is
        Kind kind = sharedKind(arguments.subList(1, arguments.size()), expected);
        ValueExpression test = condition.code();
        ValueExpression then = branch(arguments.get(1), kind);
        ValueExpression otherwise = arguments.size() == 3 ? branch(arguments.get(2), kind) : slots -> Double.NaN;
        return new Compiled(slots -> {
            double decided = test.evaluate(slots);
            return Double.isNaN(decided) ? Double.NaN
                    : decided != FALSE ? then.evaluate(slots) : otherwise.evaluate(slots);
        }, kind);
    }

    /** The kind of the first expression that is not a constant (widened to {@code expected}), else {@code expected}. */
    private Kind sharedKind(List<Expression> expressions, Kind expected) throws NotCompilableException {
        for (Expression expression : expressions) {
            if (!(expression instanceof Constant)) {
                Kind read = compile(expression, expected).kind();
                return expected.holds(read) ? expected : read;
            }
        }
        return expected;
    }

    private ValueExpression branch(Expression expression, Kind kind) throws NotCompilableException {
        Compiled compiled = compile(expression, kind);
        if (!kind.holds(compiled.kind())) {
            throw new NotCompilableException("if mixes " + kind + " and " + compiled.kind());
        }
        return compiled.code();
    }

    private Compiled membership(String function, List<Expression> arguments) throws NotCompilableException {
        if (arguments.size() < 2) {
            throw new NotCompilableException(function + " without values");
        }
        Compiled tested = compile(arguments.getFirst(), Kind.TEXT);
        double[] members = new double[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            if (!(arguments.get(i) instanceof Constant constant) || constant.getValue() == null) {
                throw new NotCompilableException(function + " of a computed value");
            }
            members[i - 1] = layout.encode(constant.getValue(), tested.kind());
        }
        Arrays.sort(members);
        ValueExpression value = tested.code();
        double in = function.equals(PMMLFunctions.ISIN) ? TRUE : FALSE;
        double out = TRUE - in;
        return new Compiled(slots -> {
            double x = value.evaluate(slots);
            return Double.isNaN(x) ? Double.NaN : Arrays.binarySearch(members, x) >= 0 ? in : out;
        }, Kind.BOOLEAN);
    }

    /**
     * {@code equal} and {@code notEqual} of two numbers or two texts. Texts compare by code, so one side must be a
     * constant: two texts the model never names share the code {@link TextCodes#UNNAMED}. A missing side is an
     * error for the interpreter (it is no missing-tolerant function): such records are left to it.
     */
    private Compiled equality(String function, List<Expression> arguments) throws NotCompilableException {
        requireArguments(function, arguments, 2);
        Kind kind = sharedKind(arguments, Kind.DOUBLE);
        if (kind == Kind.BOOLEAN) {
            throw new NotCompilableException(function + " of booleans");
        }
        if (kind == Kind.TEXT && arguments.stream().noneMatch(Constant.class::isInstance)) {
            throw new NotCompilableException(function + " of two computed texts");
        }
        ValueExpression left = operand(function, arguments.get(0), kind);
        ValueExpression right = operand(function, arguments.get(1), kind);
        double same = function.equals(PMMLFunctions.EQUAL) ? TRUE : FALSE;
        double different = TRUE - same;
        return new Compiled(slots -> {
            double a = left.evaluate(slots);
            double b = right.evaluate(slots);
            if (Double.isNaN(a) || Double.isNaN(b)) {
                throw LeftToInterpreter.INSTANCE;
            }
            return a == b ? same : different;
        }, Kind.BOOLEAN);
    }

    private ValueExpression operand(String function, Expression expression, Kind kind) throws NotCompilableException {
        Compiled operand = compile(expression, kind);
        if (!kind.holds(operand.kind())) {
            throw new NotCompilableException(function + " of " + kind + " and " + operand.kind());
        }
        return operand.code();
    }

    /**
     * {@code + - * /} on numbers, in double arithmetic as the interpreter computes when either side is a double; a
     * missing side makes the result missing (NaN does so by itself). Two integers are left to the interpreter, which
     * computes them in checked int arithmetic, and so is a division by anything but a constant other than zero
     * (the interpreter's NaN of 0/0 is no missing value).
     */
    private Compiled arithmetic(String function, List<Expression> arguments) throws NotCompilableException {
        requireArguments(function, arguments, 2);
        Compiled left = number(function, arguments.get(0));
        Compiled right = number(function, arguments.get(1));
        if (left.kind() == Kind.INTEGER && right.kind() == Kind.INTEGER) {
            throw new NotCompilableException(function + " of two integers");
        }
        ValueExpression a = left.code();
        ValueExpression b = right.code();
        ValueExpression result = switch (function) {
            case PMMLFunctions.ADD -> slots -> a.evaluate(slots) + b.evaluate(slots);
            case PMMLFunctions.SUBTRACT -> slots -> a.evaluate(slots) - b.evaluate(slots);
            case PMMLFunctions.MULTIPLY -> slots -> a.evaluate(slots) * b.evaluate(slots);
            default -> {
                double divisor = divisor(arguments.get(1));
                yield slots -> a.evaluate(slots) / divisor;
            }
        };
        return new Compiled(result, Kind.DOUBLE);
    }

    private static double divisor(Expression expression) throws NotCompilableException {
        if (!(expression instanceof Constant constant) || constant.isMissing() || constant.getValue() == null) {
            throw new NotCompilableException("division by a computed value");
        }
        double divisor = RecordLayout.number(constant.getValue());
        if (divisor == 0 || Double.isNaN(divisor)) {
            throw new NotCompilableException("division by " + divisor);
        }
        return divisor;
    }

    /** An arithmetic operand; a constant needs its data type, which decides between int and double arithmetic. */
    private Compiled number(String function, Expression expression) throws NotCompilableException {
        if (expression instanceof Constant constant && constant.getDataType() == null) {
            throw new NotCompilableException(function + " of a constant without a data type");
        }
        Compiled operand = compile(expression, Kind.DOUBLE);
        if (!operand.kind().isNumber()) {
            throw new NotCompilableException(function + " of a " + operand.kind() + " value");
        }
        return operand;
    }

    private static void requireArguments(String function, List<Expression> arguments, int count)
            throws NotCompilableException {
        if (arguments.size() != count) {
            throw new NotCompilableException(function + " with " + arguments.size() + " arguments");
        }
    }
}
