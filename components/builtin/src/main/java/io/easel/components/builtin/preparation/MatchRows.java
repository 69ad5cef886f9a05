package io.easel.components.builtin.preparation;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Keeps the left rows that have a match in the right table (a semi join) or that have none (an anti join), each left
 * row at most once and with only its own columns. The left records are kept as they are, so the lineage carries over.
 */
public final class MatchRows implements SparkComponent {

    public static final Port LEFT = Port.input("left", PortType.TABLE, Text.of("Rows to keep or drop", "待筛选的行"));
    public static final Port RIGHT = Port.input("right", PortType.TABLE, Text.of("Rows to match", "用于匹配的行"));

    public static final Param<List<String>> LEFT_KEYS = Param.columns("leftKeys", Text.of("Left keys", "左表键列"),
                    LEFT)
            .description(Text.of("The key columns of the left table.", "左表的键列。"))
            .required();

    public static final Param<List<String>> RIGHT_KEYS = Param.columns("rightKeys", Text.of("Right keys", "右表键列"),
                    RIGHT)
            .description(Text.of("The key columns of the right table, matched to the left keys in order.",
                    "右表的键列，按顺序与左表键列对应。"))
            .required();

    public static final Param<String> KEEP = Param.choice("keep", Text.of("Keep", "保留"),
                    Param.option("matched", Text.of("Rows with a match (semi join)", "有匹配的行（半连接）")),
                    Param.option("unmatched", Text.of("Rows without a match (anti join)", "无匹配的行（反连接）")))
            .defaultValue("matched")
            .required();

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Kept rows", "保留的行"),
            SchemaRule.sameAs(LEFT.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("match-rows")
            .category(Category.PREPROCESSING)
            .title("Match rows", "按匹配筛选行")
            .description("Keeps the rows of the left table that have a match in the right table (semi join), or "
                            + "those that have none (anti join).",
                    "保留左表中在右表有匹配的行（半连接），或没有匹配的行（反连接）。")
            .keywords("semi join", "anti join", "exists", "not in", "match", "lookup", "半连接", "反连接", "匹配")
            .inputs(LEFT, RIGHT)
            .outputs(OUT)
            .params(LEFT_KEYS, RIGHT_KEYS, KEEP)
            .examples(Example.of("Members who voted yea on crime but not on immigration",
                            "对犯罪法案投赞成票但未对移民法案投赞成票的议员",
                            Map.of("leftKeys", List.of("member"), "rightKeys", List.of("member"),
                                    "keep", "unmatched"))
                    .input(LEFT, Example.Upstream.of("filter-rows", Map.of("condition", "bill = 'crime'"), "out")
                            .from("in", ExampleData.dataset("vote_yeas")))
                    .input(RIGHT, Example.Upstream.of("filter-rows", Map.of("condition", "bill = 'immigration'"),
                            "out").from("in", ExampleData.dataset("vote_yeas"))))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData left = ctx.table(LEFT);
        List<String> leftKeys = ctx.param(LEFT_KEYS);
        List<String> rightKeys = ctx.param(RIGHT_KEYS);
        if (leftKeys.size() != rightKeys.size()) {
            throw new IllegalArgumentException("Params 'leftKeys' and 'rightKeys': " + leftKeys.size()
                    + " left keys but " + rightKeys.size() + " right keys; choose one right key per left key");
        }
        Dataset<Row> l = left.rows();
        // Only the keys of the right side matter; renamed so they cannot clash with left names.
        Column[] keys = new Column[rightKeys.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = functions.col(SelectColumns.quoted(rightKeys.get(i))).as("__easel_key" + i);
        }
        Dataset<Row> r = ctx.table(RIGHT).rows().select(keys);
        Column on = functions.lit(true);
        for (int i = 0; i < leftKeys.size(); i++) {
            on = on.and(l.col(SelectColumns.quoted(leftKeys.get(i))).equalTo(r.col("__easel_key" + i)));
        }
        String type = "matched".equals(ctx.param(KEEP)) ? "left_semi" : "left_anti";
        ctx.output(OUT, left.withRows(l.join(r, on, type)));
    }
}
