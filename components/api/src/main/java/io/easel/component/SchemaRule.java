package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How an output port's spec follows from the node's input specs and params, declared as data. Being data, a rule is
 * part of the catalog: the server validates graphs and fills column pickers with it without loading a component
 * class, and the engine checks at run time that real outputs match it. Empty means "not known before running".
 *
 * <p>Tables are described by a {@link Table} rule: start from an input (or from nothing) and apply a few
 * {@link ColumnOp column operations}. New output shapes are new combinations of these, not new rule types.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "rule")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SchemaRule.Fixed.class, name = "fixed"),
    @JsonSubTypes.Type(value = SchemaRule.Table.class, name = "table"),
    @JsonSubTypes.Type(value = SchemaRule.TrainedModel.class, name = "trained-model"),
    @JsonSubTypes.Type(value = SchemaRule.RetrainedModel.class, name = "retrained-model")
})
public sealed interface SchemaRule {

    Optional<PortSpec> infer(Context context);

    /** What a rule may look at. */
    interface Context {
        String componentId();

        /** The spec arriving at an input port; empty when unconnected or unknown. */
        Optional<PortSpec> input(String port);

        BoundParams params();
    }

    /** Always the same spec, e.g. a metrics report. */
    static SchemaRule fixed(PortSpec spec) {
        return new Fixed(spec);
    }

    /** Whatever arrives at {@code port}, unchanged (split, sample, filter). */
    static Table sameAs(String port) {
        return new Table(port, List.of());
    }

    /** A table built from nothing by the operations that follow (sources). */
    static Table newTable() {
        return new Table(null, List.of());
    }

    /** A table whose columns are known only once the node has run (SQL over tables, a pivot). */
    static Table unknownTable() {
        return new Table(null, List.of(new ColumnOp.Unknown()));
    }

    /**
     * A model trained again by the learner of the model on {@code port} (other rows, other params): the same spec as
     * that model's, since it reads the same columns and adds the same ones.
     */
    static RetrainedModel retrainedModel(String port) {
        return new RetrainedModel(port);
    }

    /** Always the same spec, e.g. a metrics report. */
    record Fixed(PortSpec spec) implements SchemaRule {
        public Fixed {
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public Optional<PortSpec> infer(Context context) {
            return Optional.of(spec);
        }
    }

    /**
     * The table on input {@code from} (none: an empty table) with {@code ops} applied in order.
     *
     * @param from an input port name, or null for sources
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Table(String from, List<ColumnOp> ops) implements SchemaRule {

        public Table {
            ops = ops == null ? List.of() : List.copyOf(ops);
        }

        @Override
        public Optional<PortSpec> infer(Context context) {
            Optional<TableSpec> table;
            if (from == null) {
                table = Optional.of(TableSpec.of());
            } else {
                table = context.input(from).filter(TableSpec.class::isInstance).map(TableSpec.class::cast);
            }
            for (ColumnOp op : ops) {
                if (table.isEmpty()) {
                    return Optional.empty();
                }
                table = op.apply(table.get(), context);
            }
            return table.map(PortSpec.class::cast);
        }

        public Table then(ColumnOp op) {
            List<ColumnOp> next = new ArrayList<>(ops);
            next.add(op);
            return new Table(from, next);
        }

        /** The schema the user wrote in a {@link ParamType#SCHEMA} param; unknown while it is blank. */
        public Table schemaParam(String param) {
            return then(new ColumnOp.SchemaParam(param));
        }

        /** One known table per value of a choice param (the bundled sample datasets). */
        public Table byChoice(String param, Map<String, TableSpec> specs) {
            return then(new ColumnOp.ByChoice(param, specs));
        }

        public Table keep(ColumnOp.Cols columns) {
            return then(new ColumnOp.Keep(columns));
        }

        public Table drop(ColumnOp.Cols columns) {
            return then(new ColumnOp.Drop(columns));
        }

        public Table add(ColumnOp.Name name, ColumnOp.Type type) {
            return then(new ColumnOp.Add(name, type));
        }

        /** {@code prefix0}, {@code prefix1} … as many columns as the integer param {@code count} says. */
        public Table addSeries(String prefix, Param<Integer> count, ColumnOp.Type type) {
            return then(new ColumnOp.AddSeries(prefix, count.name(), type));
        }

        public Table renameEach(Param<String> renames) {
            return then(new ColumnOp.RenameEach(renames.name()));
        }

        public Table retype(ColumnOp.Cols columns, ColumnOp.Type type) {
            return then(new ColumnOp.Retype(columns, type));
        }

        public Table appendModelOutputs(String modelPort) {
            return then(new ColumnOp.AppendModelOutputs(modelPort));
        }

        public Table appendModelFeatures(String modelPort) {
            return then(new ColumnOp.AppendModelFeatures(modelPort));
        }
    }

    /**
     * A model trained on the table at {@code port}: label from {@code labelParam} (none for unsupervised models),
     * features from the column(s) params {@code featureParams} as bound, in order (an empty "all" param stands for
     * the columns it resolves to; a param hidden by its {@code visibleWhen} adds none). Several params name the
     * features of a model that reads columns in different roles, such as the user and the item of a recommender.
     *
     * @param outputs what applying the model appends; an output without a type takes the label's type
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TrainedModel(String port, String labelParam, List<String> featureParams, List<ModelOutput> outputs)
            implements SchemaRule {

        @JsonCreator
        public TrainedModel {
            featureParams = List.copyOf(featureParams);
            outputs = List.copyOf(outputs);
        }

        /** A model whose features one column(s) param names. */
        public TrainedModel(String port, String labelParam, String featuresParam, List<ModelOutput> outputs) {
            this(port, labelParam, List.of(featuresParam), outputs);
        }

        /**
         * A column applying the model appends.
         *
         * @param type null: the label's type
         * @param whenParam a boolean param of the trainer that must be true for the model to append it (an optional
         *     output the user asks for, such as survival quantiles); null: always appended
         */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        public record ModelOutput(String name, DataType type, String whenParam) {
            public ModelOutput(String name, DataType type) {
                this(name, type, null);
            }

            /** Whether the model appends this column, given the trainer's params. */
            public boolean appended(BoundParams params) {
                return whenParam == null || Boolean.TRUE.equals(params.raw(whenParam));
            }
        }

        @Override
        public Optional<PortSpec> infer(Context context) {
            if (!(context.input(port).orElse(null) instanceof TableSpec)) {
                return Optional.empty();
            }
            ColumnSpec label = null;
            if (labelParam != null) {
                Optional<List<ColumnSpec>> labelColumns = context.params().columnSpecs(labelParam);
                if (labelColumns.isEmpty() || labelColumns.get().isEmpty()) {
                    return Optional.empty();
                }
                label = labelColumns.get().getFirst();
            }
            List<ColumnSpec> features = new ArrayList<>();
            for (String param : featureParams) {
                Optional<List<ColumnSpec>> named = context.params().columnSpecs(param);
                if (named.isEmpty()) {
                    return Optional.empty();
                }
                features.addAll(named.get());
            }
            List<ColumnSpec> appended = new ArrayList<>();
            for (ModelOutput output : outputs) {
                if (!output.appended(context.params())) {
                    continue;
                }
                DataType type = output.type() != null ? output.type() : label == null ? null : label.type();
                if (type == null) {
                    return Optional.empty();
                }
                appended.add(ColumnSpec.of(output.name(), type));
            }
            return Optional.of(new ModelSpec(context.componentId(), label, features, appended));
        }
    }

    /** See {@link #retrainedModel}. */
    record RetrainedModel(String port) implements SchemaRule {
        public RetrainedModel {
            Objects.requireNonNull(port, "port");
        }

        @Override
        public Optional<PortSpec> infer(Context context) {
            return context.input(port).filter(ModelSpec.class::isInstance);
        }
    }
}
