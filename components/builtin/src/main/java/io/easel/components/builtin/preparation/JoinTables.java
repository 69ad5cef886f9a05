package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ColumnOp;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins two tables on key columns: every left column, then every right column, a right name the left already has
 * suffixed with {@value #CLASH_SUFFIX}. A missing key matches nothing, as in SQL. A join has no PMML form: the output
 * starts a new lineage.
 */
public final class JoinTables implements SparkComponent {

    static final String CLASH_SUFFIX = "_right";

    public static final Port LEFT = Port.input("left", PortType.TABLE, Text.of("Left table", "左表"));
    public static final Port RIGHT = Port.input("right", PortType.TABLE, Text.of("Right table", "右表"));

    public static final Param<List<String>> LEFT_KEYS = JoinKeys.LEFT_KEYS;
    public static final Param<List<String>> RIGHT_KEYS = JoinKeys.RIGHT_KEYS;

    public static final Param<String> HOW = Param.choice("how", Text.of("Join type", "连接方式"),
                    Param.option("inner", Text.of("Inner: matching rows only", "内连接：仅匹配的行")),
                    Param.option("left", Text.of("Left: every left row", "左连接：保留左表所有行")),
                    Param.option("right", Text.of("Right: every right row", "右连接：保留右表所有行")),
                    Param.option("full", Text.of("Full: every row of both", "全连接：保留两表所有行")))
            .description(Text.of("Which unmatched rows to keep; their columns from the other table are missing. To "
                            + "keep only the left rows that have (or have no) match, use 'Match rows'.",
                    "保留哪些未匹配的行；其来自另一张表的列为缺失值。若只需保留有（或没有）匹配的左表行，请使用“按匹配筛选行”。"))
            .defaultValue("inner")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Joined table", "连接结果"),
            SchemaRule.sameAs(LEFT.name()).then(new ColumnOp.AppendPort(RIGHT.name(), CLASH_SUFFIX)));

    private static final Map<String, String> SPARK_JOIN_TYPES = Map.of("inner", "inner", "left", "left_outer",
            "right", "right_outer", "full", "full_outer");

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("join")
            .category(Category.PREPROCESSING)
            .title("Join", "连接")
            .description("Joins two tables on key columns (inner, left, right or full). Models trained on the result "
                            + "take the joined records as their input.",
                    "按键列连接两张表（内连接、左连接、右连接或全连接）。基于结果训练的模型以连接后的记录作为输入。")
            .keywords("join", "merge", "lookup", "combine", "inner", "outer", "left join", "连接", "关联", "合并")
            .inputs(LEFT, RIGHT)
            .outputs(OUT)
            .params(LEFT_KEYS, RIGHT_KEYS, HOW)
            .examples(Example.of("Votes with each member's party record", "投票记录关联议员所属党派",
                            Map.of("leftKeys", List.of("member"), "rightKeys", List.of("member"), "how", "inner"))
                    .input(LEFT, JoinKeys.yeasOn("crime"))
                    .input(RIGHT, JoinKeys.yeasOn("immigration")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData left = ctx.table(LEFT);
        TableData right = ctx.table(RIGHT);
        List<String> leftKeys = ctx.param(LEFT_KEYS);
        List<String> rightKeys = ctx.param(RIGHT_KEYS);
        List<String> rightNames = suffixedNames(left.rows().columns(), right.rows().columns());
        Dataset<Row> l = left.rows();
        Dataset<Row> r = right.rows().toDF(rightNames.toArray(String[]::new));
        List<String> rightColumns = Arrays.asList(right.rows().columns());
        Column on = JoinKeys.matching(l, leftKeys, r, rightKeys.stream()
                .map(k -> rightNames.get(rightColumns.indexOf(k))).toList());
        Dataset<Row> joined = l.join(r, on, SPARK_JOIN_TYPES.get(ctx.param(HOW)));
        ctx.output(OUT, NewLineage.of(this, ctx, joined, left, right));
    }

    /** The right table's names as they come out: one the left has (or an earlier suffixed one) gets the suffix. */
    static List<String> suffixedNames(String[] leftColumns, String[] rightColumns) {
        Set<String> taken = new LinkedHashSet<>(Arrays.asList(leftColumns));
        List<String> names = new ArrayList<>();
        for (String column : rightColumns) {
            String name = column;
            while (taken.contains(name)) {
                name = name + CLASH_SUFFIX;
            }
            taken.add(name);
            names.add(name);
        }
        return names;
    }
}
