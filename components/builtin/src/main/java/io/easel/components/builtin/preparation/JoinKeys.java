package io.easel.components.builtin.preparation;

import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;
import io.easel.components.spi.ExampleData;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/** The key params of the steps that match a left table's rows to a right table's (join, match rows). */
final class JoinKeys {

    /** Params name their port by name only: both steps' inputs are called "left" and "right". */
    private static final Port LEFT = Port.input("left", PortType.TABLE, Text.of("Left table", "左表"));
    private static final Port RIGHT = Port.input("right", PortType.TABLE, Text.of("Right table", "右表"));

    static final Param<List<String>> LEFT_KEYS = Param.columns("leftKeys", Text.of("Left keys", "左表键列"), LEFT)
            .description(Text.of("The key columns of the left table.", "左表的键列。"))
            .required();

    static final Param<List<String>> RIGHT_KEYS = Param.columns("rightKeys", Text.of("Right keys", "右表键列"), RIGHT)
            .description(Text.of("The key columns of the right table, matched to the left keys in order.",
                    "右表的键列，按顺序与左表键列对应。"))
            .required();

    private JoinKeys() {}

    /** Example input: the members who voted yea on one bill (vote_yeas), keyed by member. */
    static Example.Upstream yeasOn(String bill) {
        return Example.Upstream.of("filter-rows", Map.of("condition", "bill = '" + bill + "'"), "out")
                .from("in", ExampleData.dataset("vote_yeas"));
    }

    /**
     * Left key i equals right key i, for every i: a missing key matches nothing, as in SQL.
     *
     * @param rightNames the right keys' names in {@code right}, which may have renamed them
     * @throws IllegalArgumentException naming both params when the key lists differ in length
     */
    static Column matching(Dataset<Row> left, List<String> leftKeys, Dataset<Row> right, List<String> rightNames) {
        if (leftKeys.size() != rightNames.size()) {
            throw new IllegalArgumentException("Params 'leftKeys' and 'rightKeys': " + leftKeys.size()
                    + " left keys but " + rightNames.size() + " right keys; choose one right key per left key");
        }
        Column on = functions.lit(true);
        for (int i = 0; i < leftKeys.size(); i++) {
            on = on.and(left.col(SelectColumns.quoted(leftKeys.get(i)))
                    .equalTo(right.col(SelectColumns.quoted(rightNames.get(i)))));
        }
        return on;
    }
}
