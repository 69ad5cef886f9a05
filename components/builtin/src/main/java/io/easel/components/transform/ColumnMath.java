package io.easel.components.transform;

import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Applies one math function to each input column, as a double: {@code log} (natural), {@code log1p}, {@code sqrt},
 * {@code power} (by {@code exponent}), {@code abs}, {@code exp}. A value outside the function's domain (the log of 0,
 * the square root of a negative number) becomes missing, as does a missing one, so Spark and the PMML export
 * ({@code io.easel.components.pmml.ColumnMathConverter}) agree on every row.
 */
public final class ColumnMath extends ColumnwiseTransformer<ColumnMath> {

    /** The functions, each with the values it is defined for. */
    public enum Function {
        LOG, LOG1P, SQRT, POWER, ABS, EXP;

        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Function fromJson(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }

        /** Whether {@code x ^ exponent} is a real number for negative x (a whole exponent) and for 0 (a positive). */
        public static boolean powerOfNegatives(double exponent) {
            return exponent == Math.rint(exponent);
        }
    }

    private final Param<String> function;
    private final DoubleParam exponent;

    public ColumnMath() {
        this(Identifiable.randomUID("easelColumnMath"));
    }

    public ColumnMath(String uid) {
        super(uid, "numeric columns", "where the results go, one per input (may be the input)");
        this.function = new Param<>(this, "function", "log, log1p, sqrt, power, abs or exp");
        this.exponent = new DoubleParam(this, "exponent", "the power, for function = power");
        setDefault(exponent, 2.0);
    }

    public static MLReader<ColumnMath> read() {
        return new DefaultParamsReader<>();
    }

    public static ColumnMath load(String path) {
        return read().load(path);
    }

    public Param<String> function() {
        return function;
    }

    public DoubleParam exponent() {
        return exponent;
    }

    public ColumnMath setFunction(Function value) {
        set(function, value.jsonName());
        return this;
    }

    public ColumnMath setExponent(double value) {
        set(exponent, value);
        return this;
    }

    public Function getFunction() {
        return Function.fromJson($(function));
    }

    public double getExponent() {
        return (Double) $(exponent);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        ColumnwiseSchema.check(this, schema);
        return ColumnwiseSchema.withDoubleOutputs(schema, getOutputCols());
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> results = new LinkedHashMap<>();
        List<String> inputs = getInputCols();
        for (int i = 0; i < inputs.size(); i++) {
            Column x = dataset.col(inputs.get(i)).cast(DataTypes.DoubleType);
            Column defined = x.isNotNull().and(functions.not(isnan(x))).and(domain(x));
            results.put(getOutputCols().get(i), when(defined, apply(x)).otherwise(lit(null).cast(DataTypes.DoubleType)));
        }
        return dataset.withColumns(results);
    }

    private Column apply(Column x) {
        return switch (getFunction()) {
            case LOG -> functions.log(x);
            case LOG1P -> functions.log1p(x);
            case SQRT -> functions.sqrt(x);
            case POWER -> functions.pow(x, getExponent());
            case ABS -> functions.abs(x);
            case EXP -> functions.exp(x);
        };
    }

    private Column domain(Column x) {
        double power = getExponent();
        return switch (getFunction()) {
            case LOG -> x.gt(0);
            case LOG1P -> x.gt(-1);
            case SQRT -> x.geq(0);
            case POWER -> Function.powerOfNegatives(power) ? (power < 0 ? x.notEqual(0) : lit(true))
                    : (power < 0 ? x.gt(0) : x.geq(0));
            case ABS, EXP -> lit(true);
        };
    }
}
