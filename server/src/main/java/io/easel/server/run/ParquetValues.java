package io.easel.server.run;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.ListLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.MapLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * The values of a row as Spark wrote them to Parquet, read without Spark: strings, numbers and booleans as such, dates
 * as {@link LocalDate}, timestamps as {@link Instant} (Spark's INT96 and INT64 forms), decimals as {@link BigDecimal},
 * binary as {@code byte[]}, lists and maps as Java lists and maps, an ML vector (Spark's struct of type, size,
 * indices and values) as the list of its dense values, and any other struct as the list of its fields, as the
 * engine's sample rows show them.
 */
final class ParquetValues {

    /** The fields of Spark's VectorUDT as it stores them. */
    private static final List<String> VECTOR_FIELDS = List.of("type", "size", "indices", "values");
    private static final byte SPARSE = 0;
    /** Julian day number of 1970-01-01, the epoch of INT96 timestamps' day part. */
    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    private ParquetValues() {}

    static List<Object> row(Group group) {
        GroupType type = group.getType();
        List<Object> values = new ArrayList<>(type.getFieldCount());
        for (int field = 0; field < type.getFieldCount(); field++) {
            values.add(field(group, field));
        }
        return values;
    }

    /** The value of a non-repeated field, or null when it is absent. */
    private static Object field(Group group, int field) {
        return group.getFieldRepetitionCount(field) == 0 ? null : value(group, field, 0);
    }

    private static Object value(Group group, int field, int index) {
        Type type = group.getType().getType(field);
        if (type.isPrimitive()) {
            return primitive(group, field, index, type.asPrimitiveType());
        }
        Group nested = group.getGroup(field, index);
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        if (annotation instanceof ListLogicalTypeAnnotation) {
            return list(nested);
        }
        if (annotation instanceof MapLogicalTypeAnnotation) {
            return map(nested);
        }
        if (type.asGroupType().getFields().stream().map(Type::getName).toList().equals(VECTOR_FIELDS)) {
            return vector(nested);
        }
        return row(nested);
    }

    /** A LIST group: its repeated field holds the elements, each directly or in a one-field group. */
    private static List<Object> list(Group list) {
        int count = list.getFieldRepetitionCount(0);
        Type repeated = list.getType().getType(0);
        boolean wrapped = !repeated.isPrimitive() && repeated.asGroupType().getFieldCount() == 1
                && repeated.getLogicalTypeAnnotation() == null;
        List<Object> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(wrapped ? field(list.getGroup(0, i), 0) : value(list, 0, i));
        }
        return elements;
    }

    private static Map<String, Object> map(Group map) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < map.getFieldRepetitionCount(0); i++) {
            Group entry = map.getGroup(0, i);
            entries.put(String.valueOf(field(entry, 0)), field(entry, 1));
        }
        return entries;
    }

    /** A dense vector's values, or a sparse one's expanded to its size. */
    @SuppressWarnings("unchecked")
    private static List<Object> vector(Group vector) {
        List<Object> values = (List<Object>) field(vector, 3);
        if (((Number) field(vector, 0)).byteValue() != SPARSE) {
            return values;
        }
        Object[] dense = new Object[((Number) field(vector, 1)).intValue()];
        Arrays.fill(dense, 0.0);
        List<Object> indices = (List<Object>) field(vector, 2);
        for (int i = 0; i < indices.size(); i++) {
            dense[((Number) indices.get(i)).intValue()] = values.get(i);
        }
        return Arrays.asList(dense);
    }

    private static Object primitive(Group group, int field, int index, PrimitiveType type) {
        LogicalTypeAnnotation annotation = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> group.getBoolean(field, index);
            case FLOAT -> group.getFloat(field, index);
            case DOUBLE -> group.getDouble(field, index);
            case INT32 -> {
                int value = group.getInteger(field, index);
                yield switch (annotation) {
                    case DateLogicalTypeAnnotation date -> LocalDate.ofEpochDay(value);
                    case DecimalLogicalTypeAnnotation decimal -> BigDecimal.valueOf(value, decimal.getScale());
                    case null, default -> value;
                };
            }
            case INT64 -> {
                long value = group.getLong(field, index);
                yield switch (annotation) {
                    case DecimalLogicalTypeAnnotation decimal -> BigDecimal.valueOf(value, decimal.getScale());
                    case TimestampLogicalTypeAnnotation timestamp -> timestamp(value, timestamp);
                    case null, default -> value;
                };
            }
            case INT96 -> int96(group.getInt96(field, index).getBytes());
            case BINARY, FIXED_LEN_BYTE_ARRAY -> switch (annotation) {
                case StringLogicalTypeAnnotation string -> group.getString(field, index);
                case DecimalLogicalTypeAnnotation decimal ->
                        new BigDecimal(new BigInteger(group.getBinary(field, index).getBytes()), decimal.getScale());
                case null, default -> group.getBinary(field, index).getBytes();
            };
        };
    }

    private static Object timestamp(long value, TimestampLogicalTypeAnnotation timestamp) {
        ChronoUnit unit = switch (timestamp.getUnit()) {
            case MILLIS -> ChronoUnit.MILLIS;
            case MICROS -> ChronoUnit.MICROS;
            case NANOS -> ChronoUnit.NANOS;
        };
        Instant instant = Instant.EPOCH.plus(value, unit);
        return timestamp.isAdjustedToUTC() ? instant : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Spark's default timestamp form: 8 bytes of nanoseconds in the day, then 4 of the Julian day, little-endian. */
    private static Instant int96(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buffer.getLong();
        long julianDay = buffer.getInt();
        return Instant.EPOCH.plus(julianDay - JULIAN_EPOCH_DAY, ChronoUnit.DAYS).plusNanos(nanosOfDay);
    }
}
