package io.easel.engine.testing;

import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;

/** A source that returns without producing its output. */
public final class SilentSource implements SparkComponent {

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            new SchemaRule.Fixed(TableSpec.of(ColumnSpec.of("x", DataType.DOUBLE))));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("silent-source")
            .category(Category.DATA_SOURCES)
            .title("Silent source", "无输出的数据源")
            .description("Test component.", "测试组件。")
            .outputs(OUT)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        // produces nothing
    }
}
