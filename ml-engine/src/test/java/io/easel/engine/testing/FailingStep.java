package io.easel.engine.testing;

import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;

/** A step that reads its input (a Spark job) and then fails with {@link #REASON}. */
public final class FailingStep implements SparkComponent {

    public static final String REASON = "this step always fails";

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));
    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            SchemaRule.sameAs(IN.name()));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("failing-step")
            .category(Category.PREPROCESSING)
            .title("Failing step", "失败的步骤")
            .description("Test component.", "测试组件。")
            .inputs(IN)
            .outputs(OUT)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ctx.table(IN).rows().count();
        throw new IllegalStateException(REASON);
    }
}
