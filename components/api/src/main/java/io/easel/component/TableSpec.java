package io.easel.component;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of a table, in order. */
public record TableSpec(List<ColumnSpec> columns) implements PortSpec {

    public TableSpec {
        columns = List.copyOf(columns);
        var seen = new java.util.HashSet<String>();
        for (ColumnSpec column : columns) {
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("Duplicate column '" + column.name() + "'");
            }
        }
    }

    public static TableSpec of(ColumnSpec... columns) {
        return new TableSpec(Arrays.asList(columns));
    }

    /**
     * Parses the compact form {@code name:type, name:type} used by the schema params of the readers. Names are
     * trimmed; types are {@link DataType} names in any case.
     *
     * @throws IllegalArgumentException naming the entry that is not {@code name:type}
     */
    public static TableSpec parse(String text) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int colon = entry.lastIndexOf(':');
            if (colon <= 0 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not name:type");
            }
            String type = entry.substring(colon + 1).trim();
            try {
                columns.add(ColumnSpec.of(entry.substring(0, colon).trim(), DataType.fromJson(type)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + type + "' is not a column type (one of "
                        + Arrays.stream(DataType.values()).map(DataType::jsonName).collect(Collectors.joining(", "))
                        + ")");
            }
        }
        return new TableSpec(columns);
    }

    /** The inverse of {@link #parse(String)}. */
    public String format() {
        return columns.stream().map(c -> c.name() + ":" + c.type().jsonName()).collect(Collectors.joining(","));
    }

    @Override
    public PortType portType() {
        return PortType.TABLE;
    }

    public Optional<ColumnSpec> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    @JsonIgnore
    public List<String> columnNames() {
        return columns.stream().map(ColumnSpec::name).toList();
    }

    /** This table with {@code added} appended; a column of the same name is replaced in place. */
    public TableSpec withColumns(List<ColumnSpec> added) {
        Map<String, ColumnSpec> merged = new LinkedHashMap<>();
        columns.forEach(c -> merged.put(c.name(), c));
        added.forEach(c -> merged.put(c.name(), c));
        return new TableSpec(new ArrayList<>(merged.values()));
    }
}
