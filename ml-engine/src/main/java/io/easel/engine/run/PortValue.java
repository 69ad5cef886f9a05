package io.easel.engine.run;

import io.easel.component.PortType;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;

/** What a node put on one of its output ports. */
sealed interface PortValue {

    PortType type();

    /** The table, model or report itself. */
    Object data();

    /** A {@link TableData}, {@link ModelData} or {@link ReportData} as a port value. */
    static PortValue of(Object data) {
        return switch (data) {
            case TableData table -> new Table(table);
            case ModelData model -> new Model(model);
            case ReportData report -> new Report(report);
            default -> throw new IllegalArgumentException("Not a port value: " + data);
        };
    }

    record Table(TableData data) implements PortValue {
        @Override
        public PortType type() {
            return PortType.TABLE;
        }
    }

    record Model(ModelData data) implements PortValue {
        @Override
        public PortType type() {
            return PortType.MODEL;
        }
    }

    record Report(ReportData data) implements PortValue {
        @Override
        public PortType type() {
            return PortType.REPORT;
        }
    }
}
