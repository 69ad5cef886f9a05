package io.easel.studio.editor;

import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.ParamDef;
import io.easel.component.ParamType;
import io.easel.component.ParamValues;
import io.easel.component.Port;
import io.easel.component.TableSpec;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import io.easel.run.DataRoots;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Short, localized wording of validation errors for the place they are shown: "Required" under a field rather than
 * the validator's full English sentence, which names node and param because it has no field to sit under.
 */
final class ValidationMessages {

    /** Looks up studio message keys. */
    @FunctionalInterface
    interface Translator {
        String get(String key, Object... args);
    }

    private final Translator t;
    private final Locale locale;

    ValidationMessages(Translator translator, Locale locale) {
        this.t = translator;
        this.locale = locale;
    }

    /** The text under a param's field. */
    String forField(ValidationError error, ParamDef def, Node node, Optional<TableSpec> input) {
        return switch (error.code()) {
            case MISSING_PARAM -> t.get("validation.missing-param");
            case INVALID_PARAM -> def.learnerOf() != null && def.check(value(def, node)).isEmpty()
                    ? t.get("validation.learner-param", detail(error, def))
                    : invalidValue(def, node);
            case UNKNOWN_COLUMN -> t.get("validation.unknown-column", String.join(", ", missingColumns(def, node, input)));
            case WRONG_COLUMN_TYPE -> t.get("validation.wrong-column-type",
                    def.columns().types().stream().map(DataType::jsonName).collect(Collectors.joining(", ")));
            case COLUMN_EXISTS -> t.get("validation.column-exists", value(def, node));
            case UPLOAD_NOT_FOUND -> t.get("validation.upload-not-found", String.valueOf(value(def, node)).strip()
                    .substring(DataRoots.UPLOADS.length()).replaceFirst("^/", ""));
            case DATABASE_UNREADABLE -> t.get("validation.database-unreadable", detail(error, def));
            case PATH_NOT_ALLOWED -> t.get("validation.path-not-allowed");
            default -> forNode(error, null);
        };
    }

    /** A problem of the node as a whole (or one whose param has no field), for the list above the form. */
    String forNode(ValidationError error, ComponentDescriptor component) {
        String port = portTitle(component, error.port());
        return switch (error.code()) {
            case MISSING_INPUT -> t.get("validation.missing-input", port);
            case CYCLE -> t.get("validation.cycle");
            case INCOMPATIBLE_PORTS -> t.get("validation.incompatible-ports", port);
            case PORT_HAS_TWO_INPUTS -> t.get("validation.two-inputs", port);
            case UNKNOWN_PORT -> t.get("validation.unknown-port", port);
            case UNKNOWN_COMPONENT -> t.get("validation.unknown-component");
            case UNSUPPORTED_VERSION -> t.get("validation.unsupported-version");
            case UNKNOWN_PARAM -> t.get("validation.unknown-param", error.param());
            case DUPLICATE_NODE -> t.get("validation.duplicate-node");
            case MISSING_PARAM, INVALID_PARAM, UNKNOWN_COLUMN, WRONG_COLUMN_TYPE, COLUMN_EXISTS, UPLOAD_NOT_FOUND,
                 DATABASE_UNREADABLE, PATH_NOT_ALLOWED ->
                    paramProblem(error, component);
            default -> error.message();
        };
    }

    /**
     * A sentence for people about a problem of a node, for where the node itself is shown (its tooltip on the canvas,
     * the issue list beside its name): "Set “Label column”" for a missing value, else as {@link #forNode}.
     */
    String sentence(ValidationError error, ComponentDescriptor component) {
        if (error.code() == ValidationError.Code.MISSING_PARAM && error.param() != null) {
            return t.get("validation.sentence.missing-param", paramTitle(error, component));
        }
        if (error.code() == ValidationError.Code.UNKNOWN_COLUMN && error.param() != null) {
            return t.get("validation.sentence.unknown-column", paramTitle(error, component));
        }
        return forNode(error, component);
    }

    private String paramTitle(ValidationError error, ComponentDescriptor component) {
        return component == null ? error.param()
                : component.param(error.param()).map(d -> d.title().in(locale)).orElse(error.param());
    }

    private String paramProblem(ValidationError error, ComponentDescriptor component) {
        String title = paramTitle(error, component);
        String what = switch (error.code()) {
            case MISSING_PARAM -> t.get("validation.missing-param");
            case UNKNOWN_COLUMN -> t.get("validation.unknown-column.short");
            case WRONG_COLUMN_TYPE -> t.get("validation.wrong-column-type.short");
            case COLUMN_EXISTS -> t.get("validation.column-exists.short");
            case UPLOAD_NOT_FOUND -> t.get("validation.upload-not-found.short");
            case DATABASE_UNREADABLE -> t.get("validation.database-unreadable.short");
            case PATH_NOT_ALLOWED -> t.get("validation.path-not-allowed.short");
            default -> t.get("validation.invalid-param.short");
        };
        return title + ": " + what;
    }

    /** The problem a param about a learner has with it, without the node and param the sentence starts with. */
    private static String detail(ValidationError error, ParamDef def) {
        String prefix = "param '" + def.name() + "': ";
        int at = error.message().indexOf(prefix);
        return at < 0 ? error.message() : error.message().substring(at + prefix.length());
    }

    private static Object value(ParamDef def, Node node) {
        return new ParamValues(List.of(def), node.params()).raw(def.name());
    }

    private String invalidValue(ParamDef def, Node node) {
        Object value = value(def, node);
        return switch (def.type()) {
            case INTEGER, DOUBLE -> def.min() != null || def.max() != null
                    ? t.get(def.type() == ParamType.INTEGER ? "validation.range.integer" : "validation.range",
                            def.rangeText())
                    : t.get("validation.number");
            case CHOICE -> t.get("validation.choice");
            case SCHEMA -> t.get("validation.schema", def.check(value).orElse(""));
            default -> t.get("validation.invalid-param", def.check(value).orElse(String.valueOf(value)));
        };
    }

    private static List<String> missingColumns(ParamDef def, Node node, Optional<TableSpec> input) {
        Object value = node.params().get(def.name());
        List<?> names = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        return names.stream().map(String::valueOf)
                .filter(n -> input.map(table -> table.column(n).isEmpty()).orElse(true))
                .toList();
    }

    private String portTitle(ComponentDescriptor component, String port) {
        if (port == null) {
            return "";
        }
        if (component == null) {
            return port;
        }
        return component.input(port).or(() -> component.output(port)).map(Port::title).map(x -> x.in(locale))
                .orElse(port);
    }
}
