package io.easel.components.builtin.preparation;

import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Text;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/** The aggregate functions of group-by and pivot, as a choice param and as Spark columns. */
final class Aggregation {

    /** The output type of each function: counts are whole numbers, the rest decimals. */
    static final Map<String, DataType> TYPES = Map.of("count", DataType.LONG, "distinctCount", DataType.LONG,
            "sum", DataType.DOUBLE, "mean", DataType.DOUBLE, "min", DataType.DOUBLE, "max", DataType.DOUBLE);

    private Aggregation() {}

    static Param<String> param() {
        return Param.choice("function", Text.of("Function", "聚合函数"),
                        Param.option("sum", Text.of("Sum", "求和")),
                        Param.option("mean", Text.of("Mean", "平均值")),
                        Param.option("min", Text.of("Minimum", "最小值")),
                        Param.option("max", Text.of("Maximum", "最大值")),
                        Param.option("count", Text.of("Count of values", "非缺失值计数")),
                        Param.option("distinctCount", Text.of("Count of distinct values", "不同值计数")))
                .description(Text.of("What to compute over each group's values; missing values are skipped.",
                        "对每组的取值计算什么；缺失值不参与计算。"))
                .defaultValue("mean")
                .required();
    }

    /** {@code function} of {@code column}, typed as {@link #TYPES} says. */
    static Column of(String function, String column) {
        Column value = functions.col(SelectColumns.quoted(column));
        Column aggregate = switch (function) {
            case "sum" -> functions.sum(value);
            case "mean" -> functions.avg(value);
            case "min" -> functions.min(value);
            case "max" -> functions.max(value);
            case "count" -> functions.count(value);
            case "distinctCount" -> functions.count_distinct(value);
            default -> throw new IllegalArgumentException("Param 'function': unknown function '" + function + "'");
        };
        return aggregate.cast(TYPES.get(function) == DataType.LONG ? "bigint" : "double");
    }
}
