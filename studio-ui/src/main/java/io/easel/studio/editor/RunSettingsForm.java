package io.easel.studio.editor;

import io.easel.server.experiment.RunSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the run settings dialog holds, apart from Vaadin: the inputs as the engineer left them, turned into
 * {@link RunSettings} and into problems placed on the input they belong to. Sizes, counts and Spark keys are checked
 * by the server's own rule ({@link RunSettings#problems()}), so the dialog refuses exactly what a save would.
 *
 * @param deployMode {@code client}, {@code cluster}, or null for the server's default
 * @param driverMemory as typed; blank keeps the server's default (likewise the other sizes and counts when null)
 * @param sparkSettings the rows of the extra Spark settings, in order; a row with neither key nor value is ignored
 */
record RunSettingsForm(String deployMode, String driverMemory, Integer driverCores, String executorMemory,
        Integer executorCores, Integer numExecutors, List<SparkSetting> sparkSettings) {

    /** One row of the extra Spark settings editor. */
    record SparkSetting(String key, String value) {

        boolean isEmpty() {
            return blank(key) && blank(value);
        }
    }

    /** Where a problem is shown. */
    sealed interface Input permits Field, SettingKey, SettingValue {}

    /** A field of its own, named as in {@link RunSettings} ({@code executorMemory}). */
    record Field(String name) implements Input {}

    /** The key of the extra Spark setting in this row (counting every row shown, from 0). */
    record SettingKey(int row) implements Input {}

    record SettingValue(int row) implements Input {}

    /** Why an input cannot be saved; each has a short message in the studio's languages. */
    enum Reason {
        SIZE, AT_LEAST_ONE, DEPLOY_MODE, KEY_MISSING, VALUE_MISSING, NOT_SPARK, DUPLICATE_KEY, RESERVED,
        /** The server refused it; {@link Problem#detail()} says why in its words. */
        REFUSED
    }

    /** @param detail the server's wording, for {@link Reason#REFUSED}; null otherwise */
    record Problem(Input input, Reason reason, String detail) {}

    public RunSettingsForm {
        sparkSettings = sparkSettings == null ? List.of() : List.copyOf(sparkSettings);
    }

    /** The inputs showing these settings; the Spark settings as one row each. */
    static RunSettingsForm of(RunSettings settings) {
        RunSettings s = settings == null ? RunSettings.NONE : settings;
        List<SparkSetting> rows = s.conf().entrySet().stream()
                .map(e -> new SparkSetting(e.getKey(), e.getValue())).toList();
        return new RunSettingsForm(s.deployMode(), s.driverMemory(), s.driverCores(), s.executorMemory(),
                s.executorCores(), s.numExecutors(), rows);
    }

    /**
     * The settings to save: blanks become null (the server's default), text is trimmed, rows without a key are dropped
     * ({@link #problems()} reports those that have a value).
     */
    RunSettings settings() {
        Map<String, String> conf = new LinkedHashMap<>();
        for (SparkSetting row : sparkSettings) {
            if (!blank(row.key())) {
                conf.put(strip(row.key()), strip(row.value()));
            }
        }
        return new RunSettings(strip(deployMode), strip(driverMemory), driverCores, strip(executorMemory),
                executorCores, numExecutors, conf);
    }

    /** Everything that stops a save, each on its input; empty when {@link #settings()} can be saved. */
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        // Rows first: the server sees a map, so it cannot tell a missing key, or the same key twice, apart.
        Set<String> seen = new HashSet<>();
        Set<String> misplaced = new HashSet<>();
        for (int row = 0; row < sparkSettings.size(); row++) {
            SparkSetting setting = sparkSettings.get(row);
            if (setting.isEmpty()) {
                continue;
            }
            String key = strip(setting.key());
            if (key == null) {
                problems.add(new Problem(new SettingKey(row), Reason.KEY_MISSING, null));
                continue;
            }
            if (!seen.add(key)) {
                problems.add(new Problem(new SettingKey(row), Reason.DUPLICATE_KEY, null));
                misplaced.add(key);
            } else if (!key.startsWith("spark.") || key.length() == "spark.".length()) {
                problems.add(new Problem(new SettingKey(row), Reason.NOT_SPARK, null));
                misplaced.add(key);
            }
            if (blank(setting.value())) {
                problems.add(new Problem(new SettingValue(row), Reason.VALUE_MISSING, null));
                misplaced.add(key);
            }
        }
        // Then the server's rule over what would be saved (what is already reported above is not repeated).
        for (RunSettings.Problem problem : settings().problems()) {
            if (problem.field().startsWith("conf.")) {
                String key = problem.field().substring("conf.".length());
                if (!misplaced.contains(key)) {
                    problems.add(new Problem(new SettingKey(rowOf(key)), Reason.RESERVED, null));
                }
            } else {
                problems.add(new Problem(new Field(problem.field()), reasonFor(problem.field()), problem.message()));
            }
        }
        return problems;
    }

    /**
     * Where a refusal by the server belongs, from the field it names ({@code runSettings.executorMemory},
     * {@code runSettings.conf.spark.foo}); empty when it names nothing this form shows.
     */
    Optional<Problem> serverProblem(String field, String message) {
        if (field == null || !field.startsWith("runSettings.")) {
            return Optional.empty();
        }
        String name = field.substring("runSettings.".length());
        if (name.startsWith("conf.")) {
            int row = rowOf(name.substring("conf.".length()));
            return row < 0 ? Optional.empty()
                    : Optional.of(new Problem(new SettingKey(row), Reason.REFUSED, message));
        }
        return Optional.of(new Problem(new Field(name), Reason.REFUSED, message));
    }

    private int rowOf(String key) {
        for (int row = 0; row < sparkSettings.size(); row++) {
            if (key.equals(strip(sparkSettings.get(row).key()))) {
                return row;
            }
        }
        return -1;
    }

    private static Reason reasonFor(String field) {
        return switch (field) {
            case "driverMemory", "executorMemory" -> Reason.SIZE;
            case "driverCores", "executorCores", "numExecutors" -> Reason.AT_LEAST_ONE;
            case "deployMode" -> Reason.DEPLOY_MODE;
            default -> Reason.REFUSED;
        };
    }

    private static String strip(String text) {
        return blank(text) ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
