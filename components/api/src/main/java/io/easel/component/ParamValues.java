package io.easel.component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The params of one node: the values the user set, falling back to the declared defaults. Saved experiments keep
 * only the user-set values, so a changed default reaches old experiments.
 */
public final class ParamValues {

    private final Map<String, ParamDef> defs = new LinkedHashMap<>();
    private final Map<String, Object> set;

    public ParamValues(List<ParamDef> defs, Map<String, Object> set) {
        defs.forEach(d -> this.defs.put(d.name(), d));
        this.set = set == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    /** The user-set value, else the default, else null. */
    public Object raw(String name) {
        Object value = set.get(name);
        if (!ParamDef.isEmpty(value)) {
            return value;
        }
        ParamDef def = defs.get(name);
        return def == null ? value : def.defaultValue();
    }

    public <T> T get(Param<T> param) {
        return param.read(raw(param.name()));
    }

    /** A param read as text, for rules that refer to params by name; null when unset. */
    public String text(String name) {
        Object value = raw(name);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public List<String> list(String name) {
        Object value = raw(name);
        return value instanceof List<?> l ? (List<String>) l : List.of();
    }

    public boolean isVisible(ParamDef def) {
        if (def.visibleWhen() == null) {
            return true;
        }
        Object other = raw(def.visibleWhen().param());
        return other != null && def.visibleWhen().values().contains(other.toString());
    }

    /** The values the user set, as saved. */
    public Map<String, Object> userSet() {
        return set;
    }
}
