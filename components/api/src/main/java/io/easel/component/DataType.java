package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The column types Easel shows users; the engine maps each to one Spark SQL type. */
public enum DataType {
    STRING,
    INTEGER,
    LONG,
    DOUBLE,
    BOOLEAN,
    DATE,
    TIMESTAMP,
    /** A dense or sparse numeric vector (probabilities, assembled features). */
    VECTOR,
    /** A list of texts: the words of a document, as tokenizers and word segmenters output them. */
    TOKENS;

    public boolean isNumeric() {
        return this == INTEGER || this == LONG || this == DOUBLE;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DataType fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
