package io.easel.component;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Catches declaration mistakes when a component is built, so a bad declaration never reaches a user. */
final class DescriptorCheck {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private DescriptorCheck() {}

    static void check(ComponentDescriptor d) {
        if (!ID.matcher(d.id()).matches()) {
            fail(d, "id must be lower-case words joined by '-'");
        }
        Set<String> portNames = new HashSet<>();
        d.inputs().forEach(p -> {
            if (!portNames.add(p.name())) {
                fail(d, "duplicate port '" + p.name() + "'");
            }
            if (p.schema() != null) {
                fail(d, "input port '" + p.name() + "' must not have a schema rule");
            }
        });
        d.outputs().forEach(p -> {
            if (!portNames.add(p.name())) {
                fail(d, "duplicate port '" + p.name() + "'");
            }
            if (p.schema() == null) {
                fail(d, "output port '" + p.name() + "' needs a schema rule");
            }
            if (p.pmmlAsInput() != null
                    && d.input(p.pmmlAsInput()).filter(in -> in.type() == PortType.MODEL).isEmpty()) {
                fail(d, "output '" + p.name() + "' exports PMML as input '" + p.pmmlAsInput()
                        + "' does, which is not a model input");
            }
            if (p.schema() instanceof SchemaRule.TrainedModel model) {
                model.outputs().stream().filter(o -> o.whenParam() != null).forEach(o -> {
                    if (d.param(o.whenParam()).filter(w -> w.type() == ParamType.BOOLEAN).isEmpty()) {
                        fail(d, "model output '" + o.name() + "' depends on '" + o.whenParam()
                                + "', which is not a boolean param");
                    }
                });
            }
        });
        Set<String> paramNames = new HashSet<>();
        for (ParamDef p : d.params()) {
            if (!paramNames.add(p.name())) {
                fail(d, "duplicate param '" + p.name() + "'");
            }
            p.check(p.defaultValue()).ifPresent(problem -> fail(d, "default of '" + p.name() + "': " + problem));
            if (p.columns() != null && d.input(p.columns().port()).isEmpty()) {
                fail(d, "param '" + p.name() + "' picks columns of unknown port '" + p.columns().port() + "'");
            }
            if (p.type() == ParamType.CHOICE && p.choices().isEmpty()) {
                fail(d, "choice param '" + p.name() + "' has no choices");
            }
            if (p.columns() != null) {
                for (String other : p.columns().exclude()) {
                    if (d.param(other).isEmpty()) {
                        fail(d, "param '" + p.name() + "' excludes the columns of unknown param '" + other + "'");
                    }
                }
                if (p.columns().allWhenEmpty() && p.type() != ParamType.COLUMNS) {
                    fail(d, "param '" + p.name() + "': only a columns param can mean all columns when empty");
                }
            }
            if (p.learnerOf() != null && d.input(p.learnerOf()).filter(in -> in.type() == PortType.MODEL).isEmpty()) {
                fail(d, "param '" + p.name() + "' is about the learner on '" + p.learnerOf()
                        + "', which is not a model input");
            }
            if (p.type() == ParamType.SEARCH_SPACE && p.learnerOf() == null) {
                fail(d, "search space '" + p.name() + "' does not say which model input's learner it tunes");
            }
            if (p.visibleWhen() != null && d.param(p.visibleWhen().param()).isEmpty()) {
                fail(d, "param '" + p.name() + "' is visible depending on unknown param '"
                        + p.visibleWhen().param() + "'");
            }
        }
        for (Example example : d.examples()) {
            String where = "example '" + example.title().en() + "'";
            example.params().forEach((name, value) -> {
                ParamDef def = d.param(name).orElse(null);
                if (def == null) {
                    fail(d, where + " sets unknown param '" + name + "'");
                } else if (!(value instanceof String s && s.contains(Example.SAMPLES))) {
                    def.check(value).ifPresent(problem -> fail(d, where + ": param '" + name + "': " + problem));
                }
            });
            example.inputs().keySet().forEach(port -> {
                if (d.input(port).isEmpty()) {
                    fail(d, where + " feeds unknown input '" + port + "'");
                }
            });
            d.inputs().stream().filter(p -> !p.optional() && !example.inputs().containsKey(p.name()))
                    .forEach(p -> fail(d, where + " leaves input '" + p.name() + "' unconnected"));
        }
    }

    private static void fail(ComponentDescriptor d, String problem) {
        throw new IllegalStateException("Component '" + d.id() + "': " + problem);
    }
}
