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
import io.easel.components.spi.TableData;

/** A source whose schema rule promises an integer column but which produces text: a rule bug the engine catches. */
public final class MisdeclaredSource implements SparkComponent {

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Data", "数据"),
            new SchemaRule.Fixed(TableSpec.of(ColumnSpec.of("age", DataType.INTEGER))));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder("misdeclared-source")
            .category(Category.DATA_SOURCES)
            .title("Misdeclared source", "错误声明的数据源")
            .description("Test component.", "测试组件。")
            .outputs(OUT)
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        ctx.output(OUT, TableData.source(ctx.spark().sql("SELECT 'forty' AS age")));
    }
}
