package io.easel.engine.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.ColumnSpec;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.SparkTypes;
import io.easel.engine.store.FileStore;
import io.easel.run.EaselBuild;
import io.easel.run.ModelDescription;
import io.easel.run.ModelLineage;
import io.easel.run.ParityReport;
import io.easel.run.RunEvent;
import io.easel.run.TrainingProfile;
import io.easel.run.WorkspaceLayout;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.jpmml.sparkml.PMMLBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a trained model's whole scoring pipeline (the feature steps since the raw records, then the model's own
 * stages) as PMML with JPMML-SparkML, plus its {@link ModelDescription}, into the model store. Before writing, it
 * checks that the PMML predicts what Spark predicts ({@link ParityCheck}) on rows the run gave it, and profiles the
 * records the model trained on ({@link TrainingProfiler}) for drift monitoring.
 */
public final class PmmlExporter {

    private static final Logger LOG = LoggerFactory.getLogger(PmmlExporter.class);

    private final FileStore store;
    private final ObjectMapper json;
    private final ModelLineage.Versions versions;

    /** @param sparkVersion the version of the Spark that trains the models, recorded in their lineage */
    public PmmlExporter(FileStore store, ObjectMapper json, String sparkVersion) {
        this.store = store;
        this.json = json;
        this.versions = new ModelLineage.Versions(sparkVersion, jpmmlSparkmlVersion(), EaselBuild.version());
    }

    /**
     * What to export and where.
     *
     * @param lineage the model's node and every node upstream of it, in dependency order, as the run computed them
     * @param parityRows raw records to compare PMML and Spark on (with the model's raw columns), held out from
     *     training where the run has them; null when the run has none (the model is then reported not checked)
     * @param trainingRows the raw records (with the model's raw columns) the model trained on, for its training
     *     profile; null when the run has none (the model is then reported not profiled)
     */
    public record Request(String runId, String nodeId, String port, ModelData model, Path directory,
            List<ModelLineage.Step> lineage, Dataset<Row> parityRows, Dataset<Row> trainingRows) {}

    /** @throws ModelExportException saying why the pipeline could not be converted or written */
    public RunEvent.ModelExported export(Request request) {
        ModelData model = request.model();
        StructType schema = scoringSchema(model);
        byte[] pmml;
        PipelineModel pipeline = model.scoringPipelineFromRaw();
        try {
            pmml = new PMMLBuilder(schema, pipeline).buildByteArray();
        } catch (RuntimeException | LinkageError e) {
            throw new ModelExportException("Cannot convert the trained pipeline of port '" + request.port()
                    + "' to PMML", e);
        }
        ParityReport parity = request.parityRows() == null
                ? ParityReport.notChecked(ParityReport.Unchecked.NO_ROWS,
                        "the run computed no rows with the model's input columns")
                : new ParityCheck(pmml, pipeline, model).against(request.parityRows());
        ColumnSpec label = labelAsRead(model, schema);
        List<ColumnSpec> inputs = SparkTypes.fromSchema(model.lineage().rawSchema()).columns().stream()
                .filter(c -> label == null || !c.name().equals(label.name()))
                .toList();
        TrainingProfile profile = request.trainingRows() == null
                ? TrainingProfile.notProfiled("the run computed no raw records that the model trained on")
                : TrainingProfiler.of(request.trainingRows(), inputs);
        Path pmmlFile = new Path(request.directory(), WorkspaceLayout.MODEL_PMML);
        Path descriptionFile = new Path(request.directory(), WorkspaceLayout.MODEL_DESCRIPTION);
        long now = System.currentTimeMillis();
        ModelLineage lineage = new ModelLineage(request.nodeId(), request.lineage(), versions, sha256(pmml));
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT_VERSION, request.runId(),
                request.nodeId(), request.port(), model.spec().algorithm(), inputs, label, model.labels(),
                model.spec().outputs(), model.metrics(), WorkspaceLayout.MODEL_PMML, now, lineage, parity, profile);
        try {
            store.write(pmmlFile, pmml);
            store.write(descriptionFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(description));
            return new RunEvent.ModelExported(request.nodeId(), request.port(), store.uri(pmmlFile), inputs, label,
                    model.metrics(), now, lineage, parity, profile);
        } catch (IOException | RuntimeException e) {
            throw new ModelExportException("Cannot write the PMML model to " + request.directory(), e);
        }
    }

    /**
     * A model to export again as an earlier run exported it: the same fitted pipeline from the same rows (a reused
     * output).
     *
     * @param earlierPmml the PMML file the earlier run wrote
     * @param lineage the model's node and every node upstream of it, in dependency order, as this run computed them
     */
    public record Copy(String runId, String nodeId, String port, Path earlierPmml, Path directory,
            List<ModelLineage.Step> lineage) {}

    /**
     * Exports a model as an earlier run did: its PMML copied byte for byte, and its description taken over with this
     * run's identity, lineage and time. The conversion, the parity check and the training profile are not repeated:
     * the same fitted pipeline converts to the same PMML (but for the time in its header), and the check and the
     * profile were computed from the same rows.
     *
     * @return empty when there is nothing to copy (the earlier files are gone or unreadable) or the earlier export
     *     was made by other versions of Spark, JPMML-SparkML or Easel: the model is then converted again
     */
    public Optional<RunEvent.ModelExported> copy(Copy request) {
        Path earlierDescription = new Path(request.earlierPmml().getParent(), WorkspaceLayout.MODEL_DESCRIPTION);
        byte[] pmml;
        ModelDescription earlier;
        try {
            if (!store.exists(request.earlierPmml()) || !store.exists(earlierDescription)) {
                return Optional.empty();
            }
            pmml = store.read(request.earlierPmml());
            earlier = json.readValue(store.read(earlierDescription), ModelDescription.class);
        } catch (IOException | RuntimeException e) {
            LOG.info("The PMML of {} cannot be copied, the model is converted again: {}", request.earlierPmml(),
                    e.toString());
            return Optional.empty();
        }
        if (earlier.lineage() == null || !versions.equals(earlier.lineage().versions())
                || !sha256(pmml).equals(earlier.lineage().pmmlSha256())) {
            return Optional.empty();
        }
        Path pmmlFile = new Path(request.directory(), WorkspaceLayout.MODEL_PMML);
        Path descriptionFile = new Path(request.directory(), WorkspaceLayout.MODEL_DESCRIPTION);
        long now = System.currentTimeMillis();
        ModelLineage lineage = new ModelLineage(request.nodeId(), request.lineage(), versions, sha256(pmml));
        ModelDescription description = new ModelDescription(ModelDescription.FORMAT_VERSION, request.runId(),
                request.nodeId(), request.port(), earlier.algorithm(), earlier.inputs(), earlier.label(),
                earlier.classLabels(), earlier.outputs(), earlier.metrics(), WorkspaceLayout.MODEL_PMML, now, lineage,
                earlier.parity(), earlier.profile());
        try {
            store.write(pmmlFile, pmml);
            store.write(descriptionFile, json.writerWithDefaultPrettyPrinter().writeValueAsBytes(description));
            LOG.info("Copied the PMML of {} to {}", request.earlierPmml(), pmmlFile);
            return Optional.of(new RunEvent.ModelExported(request.nodeId(), request.port(), store.uri(pmmlFile),
                    earlier.inputs(), earlier.label(), earlier.metrics(), now, lineage, earlier.parity(),
                    earlier.profile()));
        } catch (IOException | RuntimeException e) {
            throw new ModelExportException("Cannot write the PMML model to " + request.directory(), e);
        }
    }

    /** The checksum a model version carries: of the very bytes written to the model store. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    /** The JPMML-SparkML version on the class path, from its Maven metadata; "unknown" when a repackaging lost it. */
    static String jpmmlSparkmlVersion() {
        try (InputStream in = PMMLBuilder.class.getResourceAsStream(
                "/META-INF/maven/org.jpmml/pmml-sparkml/pom.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
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
