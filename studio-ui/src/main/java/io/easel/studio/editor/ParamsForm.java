package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.LitRenderer;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.ParamDef;
import io.easel.component.ParamValues;
import io.easel.component.TableSpec;
import io.easel.graph.Node;
import io.easel.graph.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The settings form of one node, generated from its component's {@link ParamDef}s: one widget per param type, the
 * declared range, choices and column filters applied, defaults shown as placeholders. It edits only the values the
 * user sets: clearing a field removes the value, so the node falls back to the (possibly improved) default.
 */
class ParamsForm extends Div {

    /** A param's widget and how to show a problem on it. */
    private record Field(ParamDef def, Component component, Consumer<String> showError) {}

    private final ComponentDescriptor component;
    private final String nodeId;
    private final Locale locale;
    private final Consumer<Map<String, Object>> onChange;
    private final Map<String, Object> values;
    private final List<Field> fields = new ArrayList<>();
    /** Resets a column picker's choices, by param name: what another param excludes changes them. */
    private final Map<String, Runnable> choiceRefreshers = new LinkedHashMap<>();
    /** The tuning knobs most users leave alone, folded away; null when the component declares none. */
    private final Details advanced;
    private final Map<String, Map<String, DataTypeLabel>> columnTypes = new LinkedHashMap<>();
    private final DataChoices dataChoices;

    /** How a column is shown in a picker: its type next to its name. */
    private record DataTypeLabel(String type) {}

    /** @param dataChoices the workspace's uploads and the server's connections, for path and connection params */
    ParamsForm(ComponentDescriptor component, Node node, UpstreamColumns upstream, Locale locale,
            DataChoices dataChoices, Consumer<Map<String, Object>> onChange) {
        this.component = component;
        this.dataChoices = dataChoices;
        this.nodeId = node.id();
        this.locale = locale;
        this.onChange = onChange;
        this.values = new LinkedHashMap<>(node.params());
        addClassName("params-form");
        Div folded = new Div();
        folded.addClassName("advanced-params");
        for (ParamDef def : component.params()) {
            Field field = create(def, upstream);
            field.component().getElement().setAttribute("data-param", def.name());
            field.component().addClassName("param-field");
            fields.add(field);
            if (def.advanced()) {
                folded.add(field.component());
            } else {
                add(field.component());
            }
        }
        long advancedCount = component.params().stream().filter(ParamDef::advanced).count();
        if (advancedCount > 0) {
            advanced = new Details(getTranslation("params.advanced", advancedCount), folded);
            advanced.addClassName("advanced-section");
            advanced.getElement().setAttribute("data-section", "advanced");
            advanced.setOpened(false);
            add(advanced);
        } else {
            advanced = null;
        }
        refreshVisibility();
    }

    /** Marks the fields that validation found fault with, in words fitting a field. */
    void showValidation(List<ValidationError> nodeErrors, Node node, UpstreamColumns upstream,
            ValidationMessages messages) {
        for (Field field : fields) {
            ParamDef def = field.def();
            Optional<TableSpec> input = def.columns() == null ? Optional.empty()
                    : upstream.inputTable(nodeId, def.columns().port());
            List<String> problems = nodeErrors.stream()
                    .filter(e -> def.name().equals(e.param()))
                    .map(e -> messages.forField(e, def, node, input))
                    .distinct()
                    .toList();
            field.showError().accept(problems.isEmpty() ? null : String.join(" · ", problems));
        }
    }

    private void set(String name, Object value) {
        if (ParamDef.isEmpty(value)) {
            values.remove(name);
        } else {
            values.put(name, value);
        }
        refreshVisibility();
        fields.stream()
                .filter(f -> f.def().columns() != null && f.def().columns().exclude().contains(name))
                .forEach(f -> choiceRefreshers.getOrDefault(f.def().name(), () -> {}).run());
        onChange.accept(new LinkedHashMap<>(values));
    }

    private void refreshVisibility() {
        ParamValues current = new ParamValues(component.params(), values);
        fields.forEach(f -> f.component().setVisible(current.isVisible(f.def())));
        if (advanced != null) {
            advanced.setVisible(fields.stream().anyMatch(f -> f.def().advanced() && current.isVisible(f.def())));
        }
    }

    private Field create(ParamDef def, UpstreamColumns upstream) {
        Object value = values.get(def.name());
        return switch (def.type()) {
            case INTEGER -> integerField(def, value);
            case DOUBLE -> numberField(def, value);
            case BOOLEAN -> checkbox(def, value);
            case CHOICE -> choiceSelect(def, value);
            case STRING, OUTPUT_PATH -> textField(def, value);
            case PATH -> pathField(def, value);
            case CONNECTION -> connectionBox(def, value);
            case SCHEMA -> textArea(def, value, "age:integer, name:string");
            case SEARCH_SPACE -> textArea(def, value, "maxDepth: 3, 5, 7; stepSize: 0.05..0.3");
            case COLUMN -> columnBox(def, value, upstream.choicesFor(nodeId, def));
            case COLUMNS -> columnsBox(def, value, upstream.choicesFor(nodeId, def));
        };
    }

    private Field integerField(ParamDef def, Object value) {
        IntegerField field = new IntegerField();
        describe(field, def);
        field.setStepButtonsVisible(true);
        if (def.min() != null) {
            field.setMin((int) Math.ceil(def.min()) + (def.minExclusive() ? 1 : 0));
        }
        if (def.max() != null) {
            field.setMax((int) Math.floor(def.max()) - (def.maxExclusive() ? 1 : 0));
        }
        field.setPlaceholder(placeholder(def));
        field.setManualValidation(true);
        if (value instanceof Number n) {
            field.setValue(n.intValue());
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    private Field numberField(ParamDef def, Object value) {
        NumberField field = new NumberField();
        describe(field, def);
        if (def.min() != null) {
            field.setMin(def.min());
        }
        if (def.max() != null) {
            field.setMax(def.max());
        }
        field.setPlaceholder(placeholder(def));
        field.setManualValidation(true);
        if (value instanceof Number n) {
            field.setValue(n.doubleValue());
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    /** Only the user's edits become param values: values the form sets itself must not mark the node as changed. */
    private <V> void setWhenUserChanges(HasValue<? extends HasValue.ValueChangeEvent<V>, V> field, ParamDef def) {
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set(def.name(), e.getValue());
            }
        });
    }

    private Field checkbox(ParamDef def, Object value) {
        Checkbox field = new Checkbox(def.title().in(locale));
        if (def.description() != null) {
            field.setTooltipText(def.description().in(locale));
        }
        Object shown = value != null ? value : def.defaultValue();
        field.setValue(Boolean.TRUE.equals(shown));
        setWhenUserChanges(field, def);
        Div wrapper = new Div(field);
        wrapper.addClassName("checkbox-param");
        Div error = new Div();
        error.addClassName("field-error");
        error.setVisible(false);
        wrapper.add(error);
        return new Field(def, wrapper, problem -> {
            error.setText(problem == null ? "" : problem);
            error.setVisible(problem != null);
        });
    }

    private Field choiceSelect(ParamDef def, Object value) {
        Select<String> field = new Select<>();
        describe(field, def);
        field.setItems(def.choices().stream().map(ParamDef.Choice::value).toList());
        field.setItemLabelGenerator(v -> v == null ? "" : choiceTitle(def, v));
        Object fallback = def.defaultValue();
        if (fallback != null) {
            field.setEmptySelectionAllowed(true);
            field.setEmptySelectionCaption(getTranslation("params.default", choiceTitle(def, fallback.toString())));
            field.setPlaceholder(choiceTitle(def, fallback.toString()));
        }
        if (value instanceof String s) {
            field.setValue(s);
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    private Field textField(ParamDef def, Object value) {
        TextField field = new TextField();
        describe(field, def);
        field.setPlaceholder(placeholder(def));
        field.setClearButtonVisible(true);
        if (value != null) {
            field.setValue(value.toString());
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    /** A path to read, with the workspace's uploads beside it: upload a file, or pick one uploaded before. */
    private Field pathField(ParamDef def, Object value) {
        Field text = textField(def, value);
        UploadPicker picker = new UploadPicker((TextField) text.component(), dataChoices,
                path -> set(def.name(), path));
        return new Field(def, picker, text.showError());
    }

    /** The server's connections by name; a name it does not have (any more) stays shown, and validation says so. */
    private Field connectionBox(ParamDef def, Object value) {
        ComboBox<String> field = new ComboBox<>();
        describe(field, def);
        List<String> names = new ArrayList<>(dataChoices.connections());
        if (value != null && !names.contains(value.toString())) {
            names.add(value.toString());
        }
        field.setItems(names);
        field.setClearButtonVisible(true);
        field.setPlaceholder(names.isEmpty() ? getTranslation("params.connections.none") : placeholder(def));
        if (value != null) {
            field.setValue(value.toString());
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    /** A text written in a small language (a schema, a search space), shown in a monospace font. */
    private Field textArea(ParamDef def, Object value, String example) {
        TextArea field = new TextArea();
        describe(field, def);
        field.addClassName("schema-field");
        field.setPlaceholder(def.defaultValue() == null ? example : placeholder(def));
        if (value != null) {
            field.setValue(value.toString());
        }
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    private Field columnBox(ParamDef def, Object value, Optional<List<ColumnSpec>> choices) {
        ComboBox<String> field = new ComboBox<>();
        describe(field, def);
        List<String> names = columnNames(def, choices, value == null ? List.of() : List.of(value.toString()));
        field.setItems(names);
        field.setRenderer(columnRenderer(def));
        field.setClearButtonVisible(true);
        field.setPlaceholder(placeholder(def));
        allowTypedNames(field, def, choices);
        if (value != null) {
            field.setValue(value.toString());
        }
        choiceRefreshers.put(def.name(), () -> {
            String current = field.getValue();
            field.setItems(columnNames(def, choices, current == null ? List.of() : List.of(current)));
            field.setValue(current);
        });
        field.addCustomValueSetListener(e -> {
            field.setItems(columnNames(def, choices, List.of(e.getDetail())));
            field.setValue(e.getDetail());
            set(def.name(), e.getDetail());
        });
        setWhenUserChanges(field, def);
        return new Field(def, field, errors(field));
    }

    private Field columnsBox(ParamDef def, Object value, Optional<List<ColumnSpec>> choices) {
        MultiSelectComboBox<String> field = new MultiSelectComboBox<>();
        describe(field, def);
        List<String> chosen = value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        field.setItems(columnNames(def, choices, chosen));
        field.setRenderer(columnRenderer(def));
        field.setClearButtonVisible(true);
        field.setSelectedItemsOnTop(true);
        field.setPlaceholder(placeholder(def));
        allowTypedNames(field, def, choices);
        field.setValue(new LinkedHashSet<>(chosen));
        choiceRefreshers.put(def.name(), () -> {
            Set<String> current = new LinkedHashSet<>(field.getValue());
            field.setItems(columnNames(def, choices, List.copyOf(current)));
            field.setValue(current);
        });
        field.addCustomValueSetListener(e -> {
            Set<String> next = new LinkedHashSet<>(field.getValue());
            next.add(e.getDetail());
            field.setItems(columnNames(def, choices, List.copyOf(next)));
            field.setValue(next);
            set(def.name(), ordered(next, choices));
        });
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                set(def.name(), ordered(e.getValue(), choices));
            }
        });
        return new Field(def, field, errors(field));
    }

    /** The columns the params {@code def} excludes currently name. */
    private Set<String> excludedColumns(ParamDef def) {
        Set<String> excluded = new LinkedHashSet<>();
        for (String other : def.columns().exclude()) {
            Object picked = values.get(other);
            if (picked instanceof String name) {
                excluded.add(name);
            } else if (picked instanceof List<?> names) {
                names.forEach(n -> excluded.add(String.valueOf(n)));
            }
        }
        return excluded;
    }

    /** Picked columns in table order (a set from the widget has none), names the table lacks at the end. */
    private static List<String> ordered(Set<String> picked, Optional<List<ColumnSpec>> choices) {
        List<String> result = new ArrayList<>();
        choices.ifPresent(cs -> cs.stream().map(ColumnSpec::name).filter(picked::contains).forEach(result::add));
        picked.stream().filter(n -> !result.contains(n)).forEach(result::add);
        return result;
    }

    /**
     * The names to offer: the upstream's acceptable columns but those the params it excludes name (the label is not
     * also a feature), plus already chosen names so they stay visible.
     */
    private List<String> columnNames(ParamDef def, Optional<List<ColumnSpec>> choices, List<String> chosen) {
        Set<String> excluded = excludedColumns(def);
        Map<String, DataTypeLabel> types = new LinkedHashMap<>();
        choices.ifPresent(cs -> cs.stream().filter(c -> !excluded.contains(c.name()))
                .forEach(c -> types.put(c.name(), new DataTypeLabel(c.type().jsonName()))));
        columnTypes.put(def.name(), types);
        List<String> names = new ArrayList<>(types.keySet());
        chosen.stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    private LitRenderer<String> columnRenderer(ParamDef def) {
        return LitRenderer.<String>of("<div class=\"column-option\"><span class=\"column-name\">${item.name}</span>"
                        + "<span class=\"column-type\">${item.type}</span></div>")
                .withProperty("name", n -> n)
                .withProperty("type", n -> {
                    DataTypeLabel label = columnTypes.getOrDefault(def.name(), Map.of()).get(n);
                    return label == null ? "?" : label.type();
                });
    }

    /** Without a known upstream table there is nothing to pick from, so names may be typed in. */
    private void allowTypedNames(com.vaadin.flow.component.combobox.ComboBoxBase<?, String, ?> field, ParamDef def,
            Optional<List<ColumnSpec>> choices) {
        field.setAllowCustomValue(choices.isEmpty());
        if (choices.isEmpty()) {
            field.setHelperText(getTranslation("params.columns.unknown"));
        } else if (!def.columns().types().isEmpty()) {
            String types = def.columns().types().stream().map(t -> t.jsonName()).toList().toString();
            String helper = getTranslation("params.columns.types", types.substring(1, types.length() - 1));
            field.setHelperText(def.description() == null ? helper : def.description().in(locale) + " " + helper);
        }
    }

    private <F extends Component & HasValue<?, ?>> void describe(F field, ParamDef def) {
        if (field instanceof com.vaadin.flow.component.HasLabel labelled) {
            labelled.setLabel(def.title().in(locale));
        }
        if (def.description() != null && field instanceof com.vaadin.flow.component.HasHelper helper) {
            helper.setHelperText(def.description().in(locale));
        }
        field.setRequiredIndicatorVisible(def.required());
        field.getElement().getStyle().set("width", "100%");
    }

    private String placeholder(ParamDef def) {
        if (def.columns() != null && def.columns().allWhenEmpty()) {
            return allWhenEmpty(def.columns().types());
        }
        Object fallback = def.defaultValue();
        if (fallback == null) {
            return "";
        }
        if (fallback instanceof List<?> list) {
            return list.isEmpty() ? getTranslation("params.columns.all") : String.join(", ",
                    list.stream().map(String::valueOf).toList());
        }
        if (fallback instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < 1e15) {
            return Long.toString(n.longValue());
        }
        return fallback.toString();
    }

    /**
     * What an empty {@code allWhenEmpty} picker means: "all other columns" when it takes text and numbers alike, else
     * which kinds, e.g. "all other numeric columns".
     */
    private String allWhenEmpty(List<DataType> types) {
        boolean textAndNumbers = types.contains(DataType.STRING) && types.stream().anyMatch(DataType::isNumeric);
        if (types.isEmpty() || textAndNumbers) {
            return getTranslation("params.columns.all-other");
        }
        Set<String> words = new LinkedHashSet<>();
        types.forEach(type -> words.add(typeWord(type)));
        return getTranslation("params.columns.all-of-types", String.join("/", words));
    }

    /** A column type as a user calls it: integers, longs and doubles are all numeric. */
    private String typeWord(DataType type) {
        return type.isNumeric() ? getTranslation("params.type.numeric")
                : type == DataType.STRING ? getTranslation("params.type.text")
                : type.jsonName();
    }

    private String choiceTitle(ParamDef def, String value) {
        return def.choices().stream().filter(c -> c.value().equals(value)).findFirst()
                .map(c -> c.title().in(locale)).orElse(value);
    }

    private static Consumer<String> errors(HasValidationProperties field) {
        return problem -> {
            field.setErrorMessage(problem);
            field.setInvalid(problem != null);
        };
    }
}
