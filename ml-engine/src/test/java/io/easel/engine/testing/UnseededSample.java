package io.easel.engine.testing;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;

/** A sample whose seed has no default: left unset, every run draws other rows. */
public final class UnseededSample implements SparkComponent {

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));
    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Sample", "样本"),
            SchemaRule.sameAs(IN.name()));
    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("unseeded-sample")
            .category(Category.PREPROCESSING)
            .title("Unseeded sample", "无种子抽样")
            .description("Test component.", "测试组件。")
            .inputs(IN)
            .outputs(OUT)
            .params(SEED)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        TableData in = ctx.table(IN);
        Integer seed = ctx.param(SEED);
        ctx.output(OUT, in.withRows(seed == null ? in.rows().sample(0.5) : in.rows().sample(0.5, seed)));
    }
}
