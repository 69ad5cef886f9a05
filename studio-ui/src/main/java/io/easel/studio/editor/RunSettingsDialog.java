package io.easel.studio.editor;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import io.easel.server.experiment.RunSettings;
import io.easel.studio.editor.RunSettingsForm.Problem;
import io.easel.studio.editor.RunSettingsForm.SparkSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * How the runs of this experiment are launched: deploy mode, driver and executor resources, extra Spark settings.
 * Empty inputs keep the server's defaults. Checks what it can before saving ({@link RunSettingsForm}); the editor
 * saves, and hands back what the server refused with {@link #showServerProblem}.
 */
class RunSettingsDialog extends Dialog {

    private final Select<String> deployMode = new Select<>();
    private final TextField driverMemory = sizeField("driver-memory", "run-settings.driver-memory");
    private final TextField executorMemory = sizeField("executor-memory", "run-settings.executor-memory");
    private final IntegerField driverCores = countField("driver-cores", "run-settings.driver-cores");
    private final IntegerField executorCores = countField("executor-cores", "run-settings.executor-cores");
    private final IntegerField numExecutors = countField("num-executors", "run-settings.num-executors");
    private final Div rowsBox = new Div();
    private final List<SettingRow> rows = new ArrayList<>();

    /** The two inputs of one extra Spark setting. */
    private record SettingRow(Div line, TextField key, TextField value) {}

    /**
     * @param save stores the settings with the experiment (closing this dialog when they are stored)
     */
    RunSettingsDialog(RunSettings current, Consumer<RunSettings> save) {
        setHeaderTitle(getTranslation("run-settings.title"));
        addClassName("run-settings-dialog");
        setId("run-settings-dialog");
        setWidth("min(640px, 94vw)");

        Span intro = new Span(getTranslation("run-settings.intro"));
        intro.addClassName("muted");

        deployMode.setId("run-settings-deploy-mode");
        deployMode.setLabel(getTranslation("run-settings.deploy-mode"));
        deployMode.setItems("client", "cluster");
        deployMode.setEmptySelectionAllowed(true);
        deployMode.setEmptySelectionCaption(getTranslation("run-settings.deploy-mode.default"));
        deployMode.setPlaceholder(getTranslation("run-settings.deploy-mode.default"));
        deployMode.setItemLabelGenerator(mode -> mode == null ? getTranslation("run-settings.deploy-mode.default")
                : getTranslation("run-settings.deploy-mode." + mode));
        deployMode.setHelperText(getTranslation("run-settings.deploy-mode.help"));

        Div resources = new Div(deployMode, new Div(), driverMemory, driverCores, executorMemory, executorCores,
                numExecutors);
        resources.addClassName("run-settings-grid");

        Span confLabel = new Span(getTranslation("run-settings.conf"));
        confLabel.addClassName("block-label");
        Span confHelp = new Span(getTranslation("run-settings.conf.help"));
        confHelp.addClassName("muted");
        rowsBox.addClassName("spark-settings");
        Button addRow = new Button(getTranslation("run-settings.conf.add"), VaadinIcon.PLUS.create(),
                e -> addRow(new SparkSetting("", "")).key().focus());
        addRow.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        addRow.setId("run-settings-add-setting");
        Div conf = new Div(confLabel, confHelp, rowsBox, addRow);
        conf.addClassName("deploy-block");

        add(intro, resources, conf);
        show(RunSettingsForm.of(current));

        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("run-settings-cancel");
        Button saveButton = new Button(getTranslation("run-settings.save"), e -> {
            RunSettingsForm form = form();
            if (showProblems(form) && !badNumbers()) {
                save.accept(form.settings());
            }
        });
        saveButton.addThemeVariants(ButtonVariant.PRIMARY);
        saveButton.setId("run-settings-save");
        getFooter().add(cancel, saveButton);
    }

    /** Marks the input the server named (as {@code runSettings.<field>}); false when it is none of these. */
    boolean showServerProblem(String field, String message) {
        return form().serverProblem(field, message).map(problem -> {
            show(problem);
            return true;
        }).orElse(false);
    }

    private void show(RunSettingsForm form) {
        deployMode.setValue(form.deployMode());
        driverMemory.setValue(form.driverMemory() == null ? "" : form.driverMemory());
        executorMemory.setValue(form.executorMemory() == null ? "" : form.executorMemory());
        driverCores.setValue(form.driverCores());
        executorCores.setValue(form.executorCores());
        numExecutors.setValue(form.numExecutors());
        form.sparkSettings().forEach(this::addRow);
    }

    private RunSettingsForm form() {
        return new RunSettingsForm(deployMode.getValue(), driverMemory.getValue(), driverCores.getValue(),
                executorMemory.getValue(), executorCores.getValue(), numExecutors.getValue(),
                rows.stream().map(r -> new SparkSetting(r.key().getValue(), r.value().getValue())).toList());
    }

    /** Shows every problem of the form on its input (clearing the old ones); true when there are none. */
    private boolean showProblems(RunSettingsForm form) {
        clear(deployMode);
        clear(driverMemory);
        clear(executorMemory);
        rows.forEach(row -> {
            clear(row.key());
            clear(row.value());
        });
        List<Problem> problems = form.problems();
        problems.forEach(this::show);
        return problems.isEmpty();
    }

    /** Counts the browser could not read ("two") arrive as null; the field's own validation has marked them. */
    private boolean badNumbers() {
        return driverCores.isInvalid() || executorCores.isInvalid() || numExecutors.isInvalid();
    }

    private void show(Problem problem) {
        HasValidationProperties input = switch (problem.input()) {
            case RunSettingsForm.Field field -> switch (field.name()) {
                case "deployMode" -> deployMode;
                case "driverMemory" -> driverMemory;
                case "executorMemory" -> executorMemory;
                case "driverCores" -> driverCores;
                case "executorCores" -> executorCores;
                case "numExecutors" -> numExecutors;
                default -> null;
            };
            case RunSettingsForm.SettingKey key -> key.row() < rows.size() ? rows.get(key.row()).key() : null;
            case RunSettingsForm.SettingValue value -> value.row() < rows.size() ? rows.get(value.row()).value()
                    : null;
        };
        if (input != null) {
            input.setErrorMessage(message(problem));
            input.setInvalid(true);
        }
    }

    private String message(Problem problem) {
        String key = "run-settings.error." + problem.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return problem.reason() == RunSettingsForm.Reason.REFUSED ? getTranslation(key, problem.detail())
                : getTranslation(key);
    }

    private SettingRow addRow(SparkSetting setting) {
        TextField key = new TextField();
        key.setPlaceholder("spark.sql.shuffle.partitions");
        key.setAriaLabel(getTranslation("run-settings.conf.key"));
        key.setValue(setting.key() == null ? "" : setting.key());
        key.addClassName("spark-setting-key");
        TextField value = new TextField();
        value.setPlaceholder("200");
        value.setAriaLabel(getTranslation("run-settings.conf.value"));
        value.setValue(setting.value() == null ? "" : setting.value());
        value.addClassName("spark-setting-value");
        Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());
        remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        remove.setAriaLabel(getTranslation("run-settings.conf.remove"));
        remove.setTooltipText(getTranslation("run-settings.conf.remove"));
        remove.addClassName("spark-setting-remove");
        Div line = new Div(key, value, remove);
        line.addClassName("spark-setting");
        SettingRow row = new SettingRow(line, key, value);
        remove.addClickListener(e -> {
            rows.remove(row);
            rowsBox.remove(line);
        });
        rows.add(row);
        rowsBox.add(line);
        return row;
    }

    private TextField sizeField(String id, String labelKey) {
        TextField field = new TextField(getTranslation(labelKey));
        field.setId("run-settings-" + id);
        field.setHelperText(getTranslation("run-settings.size.help"));
        field.setPlaceholder(getTranslation("run-settings.server-default"));
        field.setClearButtonVisible(true);
        // Checked when the engineer leaves the field, by the rule the server applies on save.
        field.addValueChangeListener(e -> {
            boolean bad = !e.getValue().isBlank() && !RunSettings.isSize(e.getValue());
            field.setErrorMessage(bad ? getTranslation("run-settings.error.size") : null);
            field.setInvalid(bad);
        });
        return field;
    }

    private IntegerField countField(String id, String labelKey) {
        IntegerField field = new IntegerField(getTranslation(labelKey));
        field.setId("run-settings-" + id);
        field.setMin(1);
        field.setStepButtonsVisible(true);
        field.setPlaceholder(getTranslation("run-settings.server-default"));
        field.setI18n(new IntegerField.IntegerFieldI18n()
                .setMinErrorMessage(getTranslation("run-settings.error.at-least-one"))
                .setBadInputErrorMessage(getTranslation("run-settings.error.whole-number")));
        return field;
    }

    private static void clear(HasValidationProperties input) {
        input.setErrorMessage(null);
        input.setInvalid(false);
    }
}
