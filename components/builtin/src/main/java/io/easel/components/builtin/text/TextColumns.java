package io.easel.components.builtin.text;

import io.easel.component.ColumnOp;
import io.easel.component.DataType;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.FeatureLineage;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.Arrays;

/**
 * What the text components share: the word-list column they read, the new column they write (Spark's text
 * transformers refuse to overwrite one), and how a step without a PMML form is recorded.
 */
final class TextColumns {

    static final String OUTPUT = "outputColumn";

    private TextColumns() {}

    static Param<String> tokens(Port in, Text description) {
        return Param.column("tokensColumn", Text.of("Words column", "词列"), in, DataType.TOKENS)
                .description(description)
                .required();
    }

    static Param<String> text(Port in, Text description) {
        return Param.column("textColumn", Text.of("Text column", "文本列"), in, DataType.STRING)
                .description(description)
                .required();
    }

    /** The name of the column a text component adds to the table at {@code in}: a new one. */
    static Param<String> output(Port in, String byDefault, Text description) {
        return Param.string(OUTPUT, Text.of("Output column", "输出列名"))
                .description(description)
                .defaultValue(byDefault)
                .newColumnOf(in)
                .required();
    }

    /** The input table with the output column appended. */
    static SchemaRule appended(Port in, Param<String> output, DataType type) {
        return SchemaRule.sameAs(in.name()).add(ColumnOp.Name.param(output), ColumnOp.Type.of(type));
    }

    /** The gap a step of {@code component} without a PMML form leaves in the lineage, for the node running it. */
    static FeatureLineage.PmmlGap gap(SparkComponent component, ExecutionContext ctx, String reason) {
        return new FeatureLineage.PmmlGap(ctx.nodeId(), component.descriptor().title().en(), reason);
    }

    /** The table with a step applied: recorded as it is when it has a PMML form, else as a gap. */
    static TableData apply(TableData table, org.apache.spark.ml.Transformer step, FeatureLineage.PmmlGap gap) {
        return gap == null ? table.transform(step) : table.transformWithoutPmml(step, gap);
    }
}
