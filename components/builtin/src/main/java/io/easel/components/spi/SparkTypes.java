package io.easel.components.spi;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.component.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * The one mapping between Easel's column types and Spark SQL types. Each Easel type is one Spark type
 * ({@link DataType#VECTOR} is Spark ML's vector, {@link DataType#TOKENS} an array of strings, with or without missing
 * elements); {@link #fromSchema} is strict so that the engine's check of real outputs against inferred specs catches
 * a component that produces, say, floats where it promised doubles.
 */
public final class SparkTypes {

    private SparkTypes() {}

    public static org.apache.spark.sql.types.DataType toSpark(DataType type) {
        return switch (type) {
            case STRING -> DataTypes.StringType;
            case INTEGER -> DataTypes.IntegerType;
            case LONG -> DataTypes.LongType;
            case DOUBLE -> DataTypes.DoubleType;
            case BOOLEAN -> DataTypes.BooleanType;
            case DATE -> DataTypes.DateType;
            case TIMESTAMP -> DataTypes.TimestampType;
            case VECTOR -> SQLDataTypes.VectorType();
            case TOKENS -> DataTypes.createArrayType(DataTypes.StringType, true);
        };
    }

    /** The Easel type that is exactly this Spark type, if there is one. */
    public static Optional<DataType> toEasel(org.apache.spark.sql.types.DataType type) {
        if (type instanceof StringType) {
            return Optional.of(DataType.STRING); // any collation
        }
        if (type instanceof IntegerType) {
            return Optional.of(DataType.INTEGER);
        }
        if (type instanceof LongType) {
            return Optional.of(DataType.LONG);
        }
        if (type instanceof DoubleType) {
            return Optional.of(DataType.DOUBLE);
        }
        if (type instanceof BooleanType) {
            return Optional.of(DataType.BOOLEAN);
        }
        if (type instanceof DateType) {
            return Optional.of(DataType.DATE);
        }
        if (type instanceof TimestampType) {
            return Optional.of(DataType.TIMESTAMP);
        }
        if (type instanceof VectorUDT) {
            return Optional.of(DataType.VECTOR);
        }
        if (type instanceof ArrayType array && array.elementType() instanceof StringType) {
            return Optional.of(DataType.TOKENS); // with or without missing elements
        }
        return Optional.empty();
    }

    /**
     * The Easel type a value of this Spark type can be converted to without surprise: smaller integers widen to
     * integer, floats and decimals to double, local timestamps to timestamps. Readers use it to bring what Spark
     * inferred into Easel's types.
     */
    public static Optional<DataType> nearestEasel(org.apache.spark.sql.types.DataType type) {
        Optional<DataType> exact = toEasel(type);
        if (exact.isPresent()) {
            return exact;
        }
        if (type instanceof ByteType || type instanceof ShortType) {
            return Optional.of(DataType.INTEGER);
        }
        if (type instanceof FloatType || type instanceof DecimalType) {
            return Optional.of(DataType.DOUBLE);
        }
        if (type instanceof TimestampNTZType) {
            return Optional.of(DataType.TIMESTAMP);
        }
        return Optional.empty();
    }

    /** All columns nullable, as every Easel column may hold missing values. */
    public static StructType toSchema(TableSpec spec) {
        List<StructField> fields = new ArrayList<>();
        for (ColumnSpec column : spec.columns()) {
            fields.add(DataTypes.createStructField(column.name(), toSpark(column.type()), true));
        }
        return DataTypes.createStructType(fields);
    }

    /**
     * The spec of a real table.
     *
     * @throws IllegalArgumentException naming the first column whose Spark type is not exactly an Easel type
     */
    public static TableSpec fromSchema(StructType schema) {
        List<ColumnSpec> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            DataType type = toEasel(field.dataType()).orElseThrow(() -> new IllegalArgumentException(
                    "Column '" + field.name() + "' has Spark type " + field.dataType().simpleString()
                            + ", which is not one of Easel's column types"));
            columns.add(ColumnSpec.of(field.name(), type));
        }
        return new TableSpec(columns);
    }

    /**
     * The schema with every column's type replaced by its {@link #nearestEasel nearest Easel type}.
     *
     * @throws IllegalArgumentException naming the first column that has no Easel counterpart (arrays, maps …)
     */
    public static StructType toNearestEasel(StructType schema) {
        List<StructField> fields = new ArrayList<>();
        for (StructField field : schema.fields()) {
            DataType type = nearestEasel(field.dataType()).orElseThrow(() -> new IllegalArgumentException(
                    "Column '" + field.name() + "' has Spark type " + field.dataType().simpleString()
                            + ", which Easel cannot represent"));
            fields.add(DataTypes.createStructField(field.name(), toSpark(type), true));
        }
        return DataTypes.createStructType(fields);
    }
}
