package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * Where a table keeps its market baskets: either one row per transaction with its items in a text column
 * ({@code bread, milk}), or one row per item with a transaction id column and an item column. Either way a basket is
 * the set of its distinct items, as text.
 *
 * @param itemsColumn the text column of items, or null for a long table
 * @param transactionColumn a long table's transaction id column, or null
 * @param itemColumn a long table's item column, or null
 * @param separator what separates the items in {@code itemsColumn}
 */
record Baskets(String itemsColumn, String transactionColumn, String itemColumn, String separator) {

    static Baskets text(String itemsColumn, String separator) {
        return new Baskets(itemsColumn, null, null, separator);
    }

    static Baskets longTable(String transactionColumn, String itemColumn) {
        return new Baskets(null, transactionColumn, itemColumn, null);
    }

    boolean isLong() {
        return itemsColumn == null;
    }

    /** The columns a basket is read from. */
    List<String> columns() {
        return isLong() ? List.of(transactionColumn, itemColumn) : List.of(itemsColumn);
    }

    /**
     * One row per transaction that has an item, with its basket in {@code basket} (an array of strings): what
     * FP-growth learns from. Rows without an item, and in a long table rows without a transaction id, are left out.
     */
    Dataset<Row> perTransaction(Dataset<Row> rows, String basket) {
        if (isLong()) {
            Column transaction = Columns.named(transactionColumn);
            return rows.filter(transaction.isNotNull().and(Columns.named(itemColumn).isNotNull()))
                    .groupBy(transaction)
                    .agg(collect_set(item()).as(basket))
                    .select(basket);
        }
        return rows.select(ItemLists.distinctItems(Columns.named(itemsColumn), separator).as(basket))
                .filter(size(col(basket)).gt(0));
    }

    /**
     * Each row's basket, as an array of strings: its own items, or in a long table every item of its transaction (a
     * row without a transaction id is a basket of its own item).
     */
    Column perRow() {
        if (!isLong()) {
            return ItemLists.distinctItems(Columns.named(itemsColumn), separator);
        }
        Column transaction = Columns.named(transactionColumn);
        Column ownItem = when(item().isNull(), array().cast("array<string>")).otherwise(array(item()));
        return when(transaction.isNull(), ownItem)
                .otherwise(collect_set(item()).over(Window.partitionBy(transaction)));
    }

    private Column item() {
        return Columns.named(itemColumn).cast(DataTypes.StringType);
    }
}
