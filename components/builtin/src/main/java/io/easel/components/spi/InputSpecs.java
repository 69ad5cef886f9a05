package io.easel.components.spi;

import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.component.ParamBinder;
import io.easel.component.ParamProblem;
import io.easel.component.PortSpec;
import io.easel.component.ReportSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The specs of real port values, and the binding of a node's params against them before it runs (the engine and the
 * test harness both bind this way).
 */
public final class InputSpecs {

    private InputSpecs() {}

    /** The spec of a table, model or report value. */
    public static PortSpec of(Object value) {
        return switch (value) {
            case TableData table -> SparkTypes.fromSchema(table.rows().schema());
            case ModelData model -> model.spec();
            case ReportData report -> new ReportSpec(report.kind(),
                    new TreeSet<>(report.metrics().keySet()).stream().map(ReportSpec.Metric::named).toList(),
                    List.of());
            default -> throw new IllegalArgumentException("Not a port value: " + value);
        };
    }

    /**
     * Binds {@code userSet} against the specs of the real inputs. Params about the learner of a model input are
     * checked against the declaration of the learner that trained it, which the model's trainer carries.
     *
     * @param inputs the value on each connected input port
     * @throws IllegalArgumentException listing every problem, each naming its param and column
     */
    public static BoundParams bind(ComponentDescriptor component, Map<String, Object> userSet,
            Map<String, ?> inputs) {
        Map<String, PortSpec> specs = new LinkedHashMap<>();
        Map<String, ComponentDescriptor> learners = new LinkedHashMap<>();
        inputs.forEach((port, value) -> {
            specs.put(port, of(value));
            if (value instanceof ModelData model && model.trainer() != null) {
                learners.put(model.trainer().componentId(), model.trainer().component());
            }
        });
        return bind(component, userSet, specs, learners);
    }

    /**
     * Binds {@code userSet} against the specs of the inputs alone, for a caller that has the specs but not (yet) the
     * values: the engine binds against a stored model without loading it.
     *
     * @param specs the spec on each connected input port
     * @param learners the declaration of each learner that trained a model input, by component id
     * @throws IllegalArgumentException listing every problem, each naming its param and column
     */
    public static BoundParams bind(ComponentDescriptor component, Map<String, Object> userSet,
            Map<String, PortSpec> specs, Map<String, ComponentDescriptor> learners) {
        ParamBinder.Binding binding = component.bind(userSet, specs, id -> Optional.ofNullable(learners.get(id)));
        if (!binding.isValid()) {
            throw new IllegalArgumentException(binding.problems().stream().map(ParamProblem::message)
                    .collect(Collectors.joining("; ")));
        }
        return binding.params();
    }
}
