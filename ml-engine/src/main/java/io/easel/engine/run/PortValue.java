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
