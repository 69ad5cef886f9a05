package io.easel.engine.run;

import io.easel.component.ModelSpec;
import io.easel.component.PortSpec;
import io.easel.component.PortType;
import io.easel.components.spi.InputSpecs;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.components.spi.Trainer;
import io.easel.engine.cache.StoredModel;
import java.util.function.Supplier;

/** What a node put on one of its output ports. */
sealed interface PortValue {

    PortType type();

    /** The table, model or report itself. */
    Object data();

    /** What a node downstream binds its params against; never loads a stored model. */
    default PortSpec spec() {
        return InputSpecs.of(data());
    }

    /** A {@link TableData}, {@link ModelData}, {@link StoredModel} or {@link ReportData} as a port value. */
    static PortValue of(Object data) {
        return switch (data) {
            case TableData table -> new Table(table);
            case ModelData model -> new Model(model);
            case StoredModel stored -> new Model(stored.spec(), stored.trainer(), stored::model);
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

    /**
     * A model, as its spec and learner (what binding needs) and where the model itself comes from: a model an earlier
     * run stored is loaded only when a node that runs asks for it, so a re-run that reuses everything downstream of
     * a learner never loads its fitted pipeline.
     *
     * @param trainer the learner that trained it, to train it again; null when it cannot be
     */
    record Model(ModelSpec spec, Trainer trainer, Supplier<ModelData> source) implements PortValue {

        /** A model at hand. */
        Model(ModelData data) {
            this(data.spec(), data.trainer(), () -> data);
        }

        @Override
        public PortType type() {
            return PortType.MODEL;
        }

        @Override
        public ModelData data() {
            return source.get();
        }
    }

    record Report(ReportData data) implements PortValue {
        @Override
        public PortType type() {
            return PortType.REPORT;
        }
    }
}
