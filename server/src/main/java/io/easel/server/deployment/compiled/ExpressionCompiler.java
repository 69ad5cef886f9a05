package io.easel.server.deployment.compiled;

import java.util.Arrays;
import java.util.List;
import org.dmg.pmml.Apply;
import org.dmg.pmml.Constant;
import org.dmg.pmml.Expression;
import org.dmg.pmml.FieldRef;
import org.dmg.pmml.PMMLFunctions;

/**
 * Compiles the expressions of the derived fields Easel's exports hold: field references (casts), missing-value
 * fills {@code if(isMissing(x), c, x)} and the unknown-category guard {@code if(isIn(x, known…), x, unknown)}. Any
 * other expression leaves the whole model to the interpreter.
 */
final class ExpressionCompiler {

    record Compiled(ValueExpression code, Kind kind) {}

    private static final double TRUE = 1;
    private static final double FALSE = 0;

    private final RecordLayout layout;

    ExpressionCompiler(RecordLayout layout) {
        this.layout = layout;
    }

    /** @param expected the kind a constant without a data type of its own takes */
    Compiled compile(Expression expression, Kind expected) throws NotCompilableException {
        return switch (expression) {
            case FieldRef ref -> fieldRef(ref);
            case Constant constant -> constant(constant, expected);
            case Apply apply -> apply(apply, expected);
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
        Kind kind = branchKind(arguments.subList(1, arguments.size()), expected);
        ValueExpression test = condition.code();
        ValueExpression then = branch(arguments.get(1), kind);
        ValueExpression otherwise = arguments.size() == 3 ? branch(arguments.get(2), kind) : slots -> Double.NaN;
        return new Compiled(slots -> {
            double decided = test.evaluate(slots);
            return Double.isNaN(decided) ? Double.NaN
                    : decided != FALSE ? then.evaluate(slots) : otherwise.evaluate(slots);
        }, kind);
    }

    private Kind branchKind(List<Expression> branches, Kind expected) throws NotCompilableException {
        for (Expression branch : branches) {
            if (!(branch instanceof Constant)) {
                Kind read = compile(branch, expected).kind();
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

    private static void requireArguments(String function, List<Expression> arguments, int count)
            throws NotCompilableException {
        if (arguments.size() != count) {
            throw new NotCompilableException(function + " with " + arguments.size() + " arguments");
        }
    }
}
