package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What flows along an edge. An edge connects an output to an input of the same type only. */
public enum PortType {
    TABLE,
    MODEL,
    REPORT;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PortType fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
