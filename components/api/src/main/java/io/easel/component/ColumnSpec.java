package io.easel.component;

import java.util.Objects;

public record ColumnSpec(String name, DataType type) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }

    public static ColumnSpec of(String name, DataType type) {
        return new ColumnSpec(name, type);
    }
}
