package io.easel.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkTypes;
import io.easel.engine.store.FileStore;
import io.easel.run.ModelDescription;
import io.easel.run.RunEvent;
import io.easel.run.WorkspaceLayout;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jpmml.sparkml.PMMLBuilder;

/**
 * Writes a trained model's whole scoring pipeline (the feature steps since the raw records, then the model's own
 * stages) as PMML with JPMML-SparkML, plus its {@link ModelDescription}, into the model store.
 */
public final class PmmlExporter {

    private final FileStore store;
    private final ObjectMapper json;

    public PmmlExporter(FileStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    /** What to export and where. */
    public record Request(String runId, String nodeId, String port, ModelData model, Path directory) {}

    /** @throws ModelExportException saying why the pipeline could not be converted or written */
    public RunEvent.ModelExported export(Request request) {
        ModelData model = request.model();
        StructType schema = scoringSchema(model);
        byte[] pmml;
        try {
            PipelineModel pipeline = model.scoringPipelineFromRaw();
            pmml = new PMMLBuilder(schema, pipeline).buildByteArray();
        } catch (RuntimeException | LinkageError e) {
            throw new ModelExportException("Cannot convert the trained pipeline of port '" + request.port()
                    + "' to PMML", e);
        }
        ColumnSpec label = labelAsRead(model, schema);
        List<ColumnSpec> inputs = SparkTypes.fromSchema(model.lineage().rawSchema()).columns().stream()
                .filter(c -> label == null || !c.name().equals(label.name()))
                .toList();
        Path pmmlFile = new Path(request.directory(), WorkspaceLayout.MODEL_PMML);
        Path descriptionFile = new Path(request.directory(), WorkspaceLayout.MODEL_DESCRIPTION);
        long now = System.currentTimeMillis();
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT_VERSION, request.runId(),
                request.nodeId(), request.port(), model.spec().algorithm(), inputs, label, model.labels(),
                model.spec().outputs(), model.metrics(), WorkspaceLayout.MODEL_PMML, now);
        try {
            store.write(pmmlFile, pmml);
            store.write(descriptionFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(description));
            return new RunEvent.ModelExported(request.nodeId(), request.port(), store.uri(pmmlFile), inputs, label,
                    model.metrics(), now);
        } catch (java.io.IOException | RuntimeException e) {
            throw new ModelExportException("Cannot write the PMML model to " + request.directory(), e);
        }
    }

    /**
     * The raw schema the pipeline starts from. The label belongs in it even though scoring requests lack it: the
     * converter reads the label's type and values from it. A label made by a feature step is not raw; it is added
     * with the type the model saw, so the converter still finds it.
     */
    private static StructType scoringSchema(ModelData model) {
        StructType raw = model.lineage().rawSchema();
        ColumnSpec label = model.spec().label();
        if (label == null || Arrays.asList(raw.fieldNames()).contains(label.name())) {
            return raw;
        }
        return raw.add(new StructField(label.name(), SparkTypes.toSpark(label.type()), true,
                org.apache.spark.sql.types.Metadata.empty()));
    }

    private static ColumnSpec labelAsRead(ModelData model, StructType schema) {
        ColumnSpec label = model.spec().label();
        if (label == null) {
            return null;
        }
        return SparkTypes.fromSchema(schema).column(label.name()).orElse(label);
    }
}
