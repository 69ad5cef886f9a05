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
        }
    }

    private static void fail(ComponentDescriptor d, String problem) {
        throw new IllegalStateException("Component '" + d.id() + "': " + problem);
    }
}
