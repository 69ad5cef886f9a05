package io.easel.components.builtin.preparation;

import io.easel.component.Category;
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

    public static final Param<List<String>> LEFT_KEYS = JoinKeys.LEFT_KEYS;
    public static final Param<List<String>> RIGHT_KEYS = JoinKeys.RIGHT_KEYS;

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
        List<String> leftKeys = ctx.param(LEFT_KEYS);
        List<String> rightKeys = ctx.param(RIGHT_KEYS);
        Dataset<Row> l = left.rows();
        // Only the keys of the right side matter; renamed so they cannot clash with left names.
        List<String> keyNames = new ArrayList<>();
        List<Column> keys = new ArrayList<>();
        for (int i = 0; i < rightKeys.size(); i++) {
            keyNames.add("__easel_key" + i);
            keys.add(functions.col(SelectColumns.quoted(rightKeys.get(i))).as(keyNames.getLast()));
        }
        Dataset<Row> r = ctx.table(RIGHT).rows().select(keys.toArray(Column[]::new));
        Column on = JoinKeys.matching(l, leftKeys, r, keyNames);
        String type = "matched".equals(ctx.param(KEEP)) ? "left_semi" : "left_anti";
        ctx.output(OUT, left.withRows(l.join(r, on, type)));
    }
}
