package io.easel.component;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How an output port's spec follows from the node's input specs and params, declared as data. Being data, a rule is
 * part of the catalog: the server validates graphs and fills column pickers with it without loading a component
 * class, and the engine checks at run time that real outputs match it. Empty means "not known before running".
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "rule")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SchemaRule.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = SchemaRule.SameAs.class, name = "same-as"),
    @JsonSubTypes.Type(value = SchemaRule.FromSchemaParam.class, name = "from-schema-param"),
    @JsonSubTypes.Type(value = SchemaRule.ByChoice.class, name = "by-choice"),
    @JsonSubTypes.Type(value = SchemaRule.CastColumns.class, name = "cast-columns"),
    @JsonSubTypes.Type(value = SchemaRule.TrainedModel.class, name = "trained-model"),
    @JsonSubTypes.Type(value = SchemaRule.AppendModelOutputs.class, name = "append-model-outputs")
})
public sealed interface SchemaRule {

    Optional<PortSpec> infer(Context context);

    /** What a rule may look at. */
    interface Context {
        String componentId();

        /** The spec arriving at an input port; empty when unconnected or unknown. */
        Optional<PortSpec> input(String port);

        ParamValues params();
    }

    /** Always the same spec, e.g. a metrics report. */
    record Fixed(PortSpec spec) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            return Optional.of(spec);
        }
    }

    /** Whatever arrives at {@code port}, unchanged (split, sample, filter). */
    record SameAs(String port) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            return context.input(port);
        }
    }

    /** The schema the user declared in a {@link ParamType#SCHEMA} param; unknown while it is blank. */
    record FromSchemaParam(String param) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            String text = context.params().text(param);
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            try {
                return Optional.of(TableSpec.parse(text));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** One known table per value of a choice param (the bundled sample datasets). */
    record ByChoice(String param, Map<String, TableSpec> specs) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            return Optional.ofNullable(specs.get(context.params().text(param)));
        }
    }

    /** The table on {@code port} with the columns listed in {@code columnsParam} changed to {@code typeParam}. */
    record CastColumns(String port, String columnsParam, String typeParam) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            String typeName = context.params().text(typeParam);
            if (typeName == null) {
                return Optional.empty();
            }
            DataType target = DataType.fromJson(typeName);
            List<String> cast = context.params().list(columnsParam);
            return context.input(port).filter(TableSpec.class::isInstance).map(spec -> new TableSpec(
                    ((TableSpec) spec).columns().stream()
                            .map(c -> cast.contains(c.name()) ? ColumnSpec.of(c.name(), target) : c)
                            .toList()));
        }
    }

    /**
     * A model trained on the table at {@code port}: label from {@code labelParam}, features from
     * {@code featuresParam} or, when that is empty, every other column.
     *
     * @param outputs what applying the model appends; an output without a type takes the label's type
     */
    record TrainedModel(String port, String labelParam, String featuresParam, List<ModelOutput> outputs)
            implements SchemaRule {

        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record ModelOutput(String name, DataType type) {}

        @Override
        public Optional<PortSpec> infer(Context context) {
            Optional<TableSpec> table = context.input(port).filter(TableSpec.class::isInstance).map(TableSpec.class::cast);
            if (table.isEmpty()) {
                return Optional.empty();
            }
            String labelName = labelParam == null ? null : context.params().text(labelParam);
            ColumnSpec label = labelName == null ? null : table.get().column(labelName).orElse(null);
            if (labelParam != null && label == null) {
                return Optional.empty();
            }
            List<String> chosen = context.params().list(featuresParam);
            List<ColumnSpec> features = table.get().columns().stream()
                    .filter(c -> chosen.isEmpty() ? !c.name().equals(labelName) : chosen.contains(c.name()))
                    .toList();
            List<ColumnSpec> appended = new ArrayList<>();
            for (ModelOutput output : outputs) {
                appended.add(ColumnSpec.of(output.name(), output.type() == null ? label.type() : output.type()));
            }
            return Optional.of(new ModelSpec(context.componentId(), label, features, appended));
        }
    }

    /** The table on {@code tablePort} with the outputs of the model on {@code modelPort} appended. */
    record AppendModelOutputs(String tablePort, String modelPort) implements SchemaRule {
        @Override
        public Optional<PortSpec> infer(Context context) {
            Optional<PortSpec> table = context.input(tablePort).filter(TableSpec.class::isInstance);
            Optional<PortSpec> model = context.input(modelPort).filter(ModelSpec.class::isInstance);
            if (table.isEmpty() || model.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(((TableSpec) table.get()).withColumns(((ModelSpec) model.get()).outputs()));
        }
    }
}
