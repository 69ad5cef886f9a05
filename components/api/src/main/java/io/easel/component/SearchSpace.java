package io.easel.component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Values to try for some params of a learner, as a user writes them in a {@link ParamType#SEARCH_SPACE} param: one
 * entry per param, separated by {@code ;} or new lines, each the param's name, {@code :} and either a list of values
 * or a range {@code low..high} of numbers, optionally followed by {@code log} for a log scale. For example
 * {@code maxDepth: 3, 5, 7; stepSize: 0.05..0.3; regParam: 0.0001..1 log; impurity: gini, entropy}.
 *
 * <p>A grid search tries every combination, taking evenly spaced points of a range; a random search draws each
 * param's value from its list, or uniformly from its range (on a log scale, uniformly in the logarithm).
 * {@link #parse} checks the form; {@link #resolve} checks the entries against the learner's declared params (each
 * exists and can be tuned, every value has the param's type and lies in its range) and gives the typed values.
 */
public record SearchSpace(List<Entry> entries) {

    /** Significant digits of drawn and spaced numbers: enough to tell settings apart, short enough to read. */
    private static final MathContext DIGITS = new MathContext(4);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String EXAMPLE = "e.g. 'maxDepth: 3, 5, 7; stepSize: 0.05..0.3'";
    private static final int DRAWS_PER_TRIAL = 50;

    public SearchSpace {
        entries = List.copyOf(entries);
    }

    /**
     * One param's values as written: a list of values, or (when {@code range} is set) a range of numbers.
     *
     * @param values the listed values as written; empty for a range
     */
    public record Entry(String param, List<String> values, Range range) {
        public Entry {
            Objects.requireNonNull(param, "param");
            values = List.copyOf(values);
        }

        @Override
        public String toString() {
            return param + ": " + (range == null ? String.join(", ", values) : range.toString());
        }
    }

    /** Numbers from {@code low} to {@code high}, both included, spread evenly or (when {@code log}) on a log scale. */
    public record Range(double low, double high, boolean log) {
        @Override
        public String toString() {
            return ParamDef.format(low) + ".." + ParamDef.format(high) + (log ? " log" : "");
        }
    }

    /**
     * Reads the compact form.
     *
     * @throws IllegalArgumentException saying what is wrong with the text, and how to write it
     */
    public static SearchSpace parse(String text) {
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String part : text.split("[;\\n\\r]")) {
            String entry = part.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("'" + entry + "' needs a ':' between the param and its values, "
                        + EXAMPLE);
            }
            String name = entry.substring(0, colon).strip();
            String values = entry.substring(colon + 1).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a param name (before ':' in '" + entry
                        + "')");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("'" + name + "' is given twice; list all its values in one entry");
            }
            if (values.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' has no values to try, " + EXAMPLE);
            }
            entries.add(values.contains("..") ? new Entry(name, List.of(), range(name, values))
                    : new Entry(name, list(name, values), null));
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no values to try, " + EXAMPLE);
        }
        return new SearchSpace(entries);
    }

    private static Range range(String name, String text) {
        boolean log = text.toLowerCase(Locale.ROOT).endsWith(" log");
        String bounds = log ? text.substring(0, text.length() - 4).strip() : text;
        int dots = bounds.indexOf("..");
        Double low = number(bounds.substring(0, dots));
        Double high = number(bounds.substring(dots + 2));
        if (low == null || high == null) {
            throw new IllegalArgumentException("'" + name + "': the range '" + text + "' needs a number on each "
                    + "side of '..', e.g. '0.05..0.3' (or '0.0001..1 log' for a log scale)");
        }
        if (low >= high) {
            throw new IllegalArgumentException("'" + name + "': the range '" + text + "' must go from a lower to a "
                    + "higher number");
        }
        if (log && low <= 0) {
            throw new IllegalArgumentException("'" + name + "': the range '" + text + "' is on a log scale, which "
                    + "needs numbers above 0");
        }
        return new Range(low, high, log);
    }

    private static List<String> list(String name, String text) {
        List<String> values = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String value = item.strip();
            if (value.isEmpty()) {
                throw new IllegalArgumentException("'" + name + "' has an empty value in '" + text + "'");
            }
            if (value.toLowerCase(Locale.ROOT).endsWith(" log")) {
                throw new IllegalArgumentException("'" + name + "': only a range 'low..high' can be on a log "
                        + "scale, e.g. '0.0001..1 log'");
            }
            values.add(value);
        }
        return values;
    }

    private static Double number(String text) {
        try {
            double value = Double.parseDouble(text.strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The params this space tunes, in the order written. */
    public List<String> params() {
        return entries.stream().map(Entry::param).toList();
    }

    /**
     * The values typed and checked against the learner's declaration: each param must be one of the learner's
     * numbers, switches or choices, every listed value and both ends of a range must be allowed for it, and it must
     * not decide which columns the learner's model adds (downstream nodes rely on those).
     */
    public Resolved resolve(ComponentDescriptor learner) {
        List<Axis> axes = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> outputSwitches = outputSwitches(learner);
        for (Entry entry : entries) {
            Optional<ParamDef> declared = learner.param(entry.param()).filter(SearchSpace::tunable);
            if (declared.isEmpty()) {
                problems.add(learner.param(entry.param()).isPresent()
                        ? "'" + entry.param() + "' of '" + learner.id() + "' is a "
                                + learner.param(entry.param()).get().type().jsonName() + " param and cannot be "
                                + "tuned; only numbers, switches and choices can"
                        : "'" + entry.param() + "' is not a param of '" + learner.id() + "' (it can tune "
                                + learner.params().stream().filter(SearchSpace::tunable).map(ParamDef::name)
                                        .collect(Collectors.joining(", ")) + ")");
                continue;
            }
            ParamDef def = declared.get();
            if (outputSwitches.contains(def.name())) {
                problems.add("'" + def.name() + "' decides which columns the model of '" + learner.id()
                        + "' adds, so it cannot be tuned; set it on the learner");
                continue;
            }
            int before = problems.size();
            Axis axis = entry.range() == null ? listed(def, entry, problems) : ranged(def, entry.range(), problems);
            if (problems.size() == before) {
                axes.add(axis);
            }
        }
        return new Resolved(axes, problems);
    }

    /**
     * What is wrong with tuning params that no setting lets take effect: a param used only when another has some
     * values ({@link ParamDef#visibleWhen()}), which neither the learner's own params nor any setting gives it, would
     * make every setting train the same model.
     *
     * @param base the params set on the learner's node, which each setting overrides
     * @return one sentence per such param, naming it and what it waits for
     */
    public static List<String> withoutEffect(ComponentDescriptor learner, Map<String, Object> base,
            List<Map<String, Object>> settings) {
        Set<String> tuned = new LinkedHashSet<>();
        settings.forEach(s -> tuned.addAll(s.keySet()));
        List<String> problems = new ArrayList<>();
        for (String name : tuned) {
            ParamDef def = learner.param(name).orElseThrow();
            boolean used = settings.stream().anyMatch(setting -> {
                Map<String, Object> params = new LinkedHashMap<>(base);
                params.putAll(setting);
                return new ParamValues(learner.params(), params).isVisible(def);
            });
            if (!used) {
                problems.add("'" + name + "' of '" + learner.id() + "' is used only when '"
                        + def.visibleWhen().param() + "' is " + String.join(" or ", def.visibleWhen().values())
                        + ", which no setting tried has; tune '" + def.visibleWhen().param()
                        + "' too, or set it on the learner");
            }
        }
        return problems;
    }

    private static boolean tunable(ParamDef def) {
        return switch (def.type()) {
            case INTEGER, DOUBLE, BOOLEAN, CHOICE -> true;
            default -> false;
        };
    }

    /** Boolean params that switch optional model outputs on. */
    private static Set<String> outputSwitches(ComponentDescriptor learner) {
        Set<String> switches = new HashSet<>();
        for (Port port : learner.outputs()) {
            if (port.schema() instanceof SchemaRule.TrainedModel model) {
                model.outputs().stream().map(SchemaRule.TrainedModel.ModelOutput::whenParam)
                        .filter(Objects::nonNull).forEach(switches::add);
            }
        }
        return switches;
    }

    private static Axis listed(ParamDef def, Entry entry, List<String> problems) {
        List<Object> values = new ArrayList<>();
        for (String text : entry.values()) {
            Object value = switch (def.type()) {
                case INTEGER, DOUBLE -> number(text);
                case BOOLEAN -> text.equalsIgnoreCase("true") ? Boolean.TRUE
                        : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                default -> text;
            };
            if (value == null) {
                problems.add("'" + def.name() + "': '" + text + "' is not " + (def.type() == ParamType.BOOLEAN
                        ? "true or false" : "a number"));
                continue;
            }
            Optional<String> invalid = def.check(value);
            if (invalid.isPresent()) {
                problems.add("'" + def.name() + "': " + invalid.get());
                continue;
            }
            values.add(def.type() == ParamType.INTEGER ? (Object) ((Double) value).intValue() : value);
        }
        return new Values(def.name(), values.stream().distinct().toList());
    }

    private static Axis ranged(ParamDef def, Range range, List<String> problems) {
        if (def.type() != ParamType.INTEGER && def.type() != ParamType.DOUBLE) {
            problems.add("'" + def.name() + "' takes " + (def.type() == ParamType.BOOLEAN ? "true or false"
                    : "one of " + def.choices().stream().map(ParamDef.Choice::value).collect(Collectors.joining(", ")))
                    + ", not a range of numbers: list the values to try");
            return null;
        }
        for (double end : new double[] {range.low(), range.high()}) {
            def.check(end).ifPresent(problem -> problems.add("'" + def.name() + "': " + problem));
        }
        return new Interval(def.name(), range.low(), range.high(), range.log(), def.type() == ParamType.INTEGER);
    }

    @Override
    public String toString() {
        return entries.stream().map(Entry::toString).collect(Collectors.joining("; "));
    }

    /**
     * A search space typed by a learner's declaration: the axes that passed, and what is wrong with the others
     * (each naming its param).
     */
    public record Resolved(List<Axis> axes, List<String> problems) {
        public Resolved {
            axes = List.copyOf(axes);
            problems = List.copyOf(problems);
        }

        /** How many settings {@link #grid} gives, without building them. */
        public long gridSize(int pointsPerRange) {
            long size = 1;
            for (Axis axis : axes) {
                size = Math.multiplyExact(size, axis.grid(pointsPerRange).size());
            }
            return size;
        }

        /** Every combination of the axes' values (a range as {@code pointsPerRange} evenly spaced points). */
        public List<Map<String, Object>> grid(int pointsPerRange) {
            List<Map<String, Object>> settings = List.of(Map.of());
            for (Axis axis : axes) {
                List<Map<String, Object>> next = new ArrayList<>();
                for (Map<String, Object> setting : settings) {
                    for (Object value : axis.grid(pointsPerRange)) {
                        Map<String, Object> extended = new LinkedHashMap<>(setting);
                        extended.put(axis.param(), value);
                        next.add(extended);
                    }
                }
                settings = next;
            }
            return settings;
        }

        /**
         * Up to {@code count} different settings drawn at random, the same ones for the same seed; fewer when the
         * space holds fewer.
         */
        public List<Map<String, Object>> sample(int count, long seed) {
            Random random = new Random(seed);
            Set<Map<String, Object>> settings = new LinkedHashSet<>();
            for (int draw = 0; draw < count * DRAWS_PER_TRIAL && settings.size() < count; draw++) {
                Map<String, Object> setting = new LinkedHashMap<>();
                axes.forEach(axis -> setting.put(axis.param(), axis.sample(random)));
                settings.add(setting);
            }
            return List.copyOf(settings);
        }
    }

    /** The values of one param, typed as the learner reads them. */
    public sealed interface Axis permits Values, Interval {
        String param();

        /** The values a grid search tries, without repeats. */
        List<Object> grid(int pointsPerRange);

        Object sample(Random random);
    }

    /** Listed values. */
    public record Values(String param, List<Object> values) implements Axis {
        public Values {
            values = List.copyOf(values);
        }

        @Override
        public List<Object> grid(int pointsPerRange) {
            return values;
        }

        @Override
        public Object sample(Random random) {
            return values.get(random.nextInt(values.size()));
        }
    }

    /**
     * A range of numbers.
     *
     * @param whole whether the param takes whole numbers (values are rounded and given as integers)
     */
    public record Interval(String param, double low, double high, boolean log, boolean whole) implements Axis {

        @Override
        public List<Object> grid(int pointsPerRange) {
            Set<Object> points = new LinkedHashSet<>();
            for (int i = 0; i < pointsPerRange; i++) {
                points.add(value(pointsPerRange == 1 ? 0 : (double) i / (pointsPerRange - 1)));
            }
            return List.copyOf(points);
        }

        @Override
        public Object sample(Random random) {
            if (whole && !log) {
                int from = (int) Math.ceil(low);
                return from + random.nextInt((int) Math.floor(high) - from + 1);
            }
            return value(random.nextDouble());
        }

        /** The point at {@code share} of the way from low to high (in the logarithm for a log scale). */
        private Object value(double share) {
            double x = log ? Math.exp(Math.log(low) + share * (Math.log(high) - Math.log(low)))
                    : low + share * (high - low);
            if (whole) {
                return (int) Math.min(Math.floor(high), Math.max(Math.ceil(low), Math.round(x)));
            }
            return Math.min(high, Math.max(low, new BigDecimal(x).round(DIGITS).doubleValue()));
        }
    }
}
