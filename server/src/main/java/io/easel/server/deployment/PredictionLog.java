package io.easel.server.deployment;

import io.easel.component.ColumnSpec;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.deployment.ScoreResponse.Prediction;
import io.easel.server.model.ModelVersionView;
import io.easel.server.run.CsvWriter;
import io.easel.server.security.Access;
import io.easel.server.security.WorkspaceRef;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment's prediction log: when it is on, scoring samples each record with the deployment's rate
 * ({@link PredictionSampling}) and hands what was sent and predicted to the {@link PredictionLogWriter}, which writes
 * it to the {@code prediction_log} table. Every replica follows a change of the settings as it follows a re-point
 * ({@link ServedDeployments}): scoring reads them from memory, and does nothing more while the log is off. Analysts
 * read the log page by page, as CSV, or straight from the table; {@link PredictionLogPurge} deletes what is older
 * than the retention. Changing the settings is audited {@code prediction-log-changed}.
 */
@Service
public class PredictionLog {

    /** Rows the CSV download reads from the database at a time. */
    private static final int FETCH_SIZE = 1000;

    private final DeploymentRepository deployments;
    private final DeploymentService deploymentService;
    private final Access access;
    private final AuditLog audit;
    private final PredictionLogWriter writer;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final TransactionTemplate readOnly;

    PredictionLog(DeploymentRepository deployments, DeploymentService deploymentService, Access access,
            AuditLog audit, PredictionLogWriter writer, DataSource dataSource, JsonMapper json,
            PlatformTransactionManager transactions) {
        this.deployments = deployments;
        this.deploymentService = deploymentService;
        this.access = access;
        this.audit = audit;
        this.writer = writer;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.json = json;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** @throws DeploymentNotFoundException (404) */
    @Transactional(readOnly = true)
    public PredictionLogSettings settings(WorkspaceRef workspace, String name) {
        return readable(workspace, name).predictionLog();
    }

    /**
     * Switches the log on or off and sets its sample rate; what {@code change} leaves out stays as it is.
     *
     * @throws DeploymentNotFoundException (404)
     * @throws io.easel.server.security.ForbiddenException (403) for viewers
     * @throws PredictionLogException (400) for nothing to change, or a sample rate outside (0, 1]
     */
    @Transactional
    public PredictionLogSettings replaceSettings(WorkspaceRef workspace, String name, PredictionLogSettings change) {
        DeploymentEntity deployment = readable(workspace, name);
        access.requireEdit(workspace.id(), () -> new DeploymentNotFoundException(name));
        if (change == null || change.enabled() == null && change.sampleRate() == null) {
            throw PredictionLogException.invalidField("enabled", "is missing: send {\"enabled\": true or false, "
                    + "\"sampleRate\": <more than 0, at most 1>}");
        }
        Double rate = change.sampleRate();
        if (rate != null && !(rate > 0 && rate <= 1)) {
            throw PredictionLogException.invalidField("sampleRate", "is " + rate + ": send the share of the "
                    + "records to log, more than 0 and at most 1 (1 logs every record)");
        }
        PredictionLogSettings before = deployment.predictionLog();
        PredictionLogSettings after = new PredictionLogSettings(
                change.enabled() != null ? change.enabled() : before.enabled(),
                rate != null ? rate : before.sampleRate());
        if (!after.equals(before)) {
            deployment.changePredictionLog(after, Instant.now().truncatedTo(ChronoUnit.MICROS));
            deploymentService.servingChanged(workspace.id(), name);
            audit.record(AuditAction.PREDICTION_LOG_CHANGED, workspace.id(), name, (after.enabled() ? "on" : "off")
                    + ", sample rate " + after.sampleRate());
        }
        return after;
    }

    /**
     * Samples the records a request scored into the log, when the deployment's log is on: the hot path of scoring,
     * which costs one check while it is off, and never waits for the database.
     *
     * @param records as the client sent them
     * @param predictions what {@code version} answered for them, in the same order
     */
    void sample(UUID workspaceId, DeploymentService.Served served, ModelVersionView version,
            List<Map<String, Object>> records, List<Prediction> predictions) {
        PredictionSampling sampling = served.sampling();
        if (!sampling.logs()) {
            return;
        }
        UUID requestId = null;
        Instant now = null;
        for (int i = 0; i < records.size(); i++) {
            if (sampling.sampled()) {
                if (requestId == null) {
                    requestId = UUID.randomUUID();
                    now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                }
                writer.offer(new LoggedPrediction(workspaceId, served.deployment().name(), version.modelId(),
                        version.version(), now, requestId, i + 1, records.get(i), predictions.get(i)));
            }
        }
    }

    /**
     * A page of the deployment's logged predictions, newest first.
     *
     * @throws DeploymentNotFoundException (404)
     */
    @Transactional(readOnly = true)
    public PredictionPage page(WorkspaceRef workspace, String name, PredictionQuery query) {
        readable(workspace, name);
        Where where = Where.of(workspace.id(), name, query);
        Long total = jdbc.queryForObject("SELECT count(*) FROM prediction_log WHERE " + where.sql(), Long.class,
                where.args().toArray());
        List<Object> args = new ArrayList<>(where.args());
        args.add(query.size());
        args.add(query.offset());
        List<PredictionPage.Entry> entries = jdbc.query("SELECT scored_at, request_id, record, model_version, "
                + "inputs::text, outputs::text FROM prediction_log WHERE " + where.sql()
                + " ORDER BY scored_at DESC, id DESC LIMIT ? OFFSET ?", (row, n) -> new PredictionPage.Entry(
                        scoredAt(row), row.getObject(2, UUID.class), row.getInt(3), row.getInt(4),
                        json.readTree(row.getString(5)), json.readTree(row.getString(6))), args.toArray());
        return new PredictionPage(name, query.page(), query.size(), total == null ? 0 : total, entries);
    }

    /**
     * The deployment's logged predictions in the query's time range (all pages), newest first, as CSV streamed from
     * the database: the time, the request, the record's place in it and the answering version; one column per input
     * of the version the deployment serves now (empty for an input a record lacks); then the prediction, the score
     * and the probabilities (a JSON object of label to probability).
     *
     * @throws DeploymentNotFoundException (404), before anything is written
     */
    public void writeCsv(WorkspaceRef workspace, String name, PredictionQuery query, OutputStream out)
            throws IOException {
        List<String> inputs = deploymentService.get(workspace, name).inputs().stream().map(ColumnSpec::name)
                .toList();
        CsvWriter csv = new CsvWriter(out);
        List<Object> header = new ArrayList<>(List.of("scored_at", "request_id", "record", "model_version"));
        header.addAll(inputs);
        header.addAll(List.of("prediction", "score", "probabilities"));
        csv.row(header);
        Where where = Where.of(workspace.id(), name, query);
        try {
            readOnly.executeWithoutResult(status -> jdbc.query("SELECT scored_at, request_id, record, model_version, "
                    + "inputs::text, outputs::text FROM prediction_log WHERE " + where.sql()
                    + " ORDER BY scored_at DESC, id DESC", row -> {
                        JsonNode sent = json.readTree(row.getString(5));
                        JsonNode answered = json.readTree(row.getString(6));
                        List<Object> cells = new ArrayList<>(List.of(scoredAt(row).toString(),
                                row.getObject(2, UUID.class).toString(), row.getInt(3), row.getInt(4)));
                        inputs.forEach(input -> cells.add(value(sent.get(input))));
                        cells.add(value(answered.get("prediction")));
                        cells.add(value(answered.get("score")));
                        cells.add(value(answered.get("probabilities")));
                        try {
                            csv.row(cells);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }, where.args().toArray()));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        csv.flush();
    }

    /** A JSON value as a CSV cell: text and numbers as they are, objects as their JSON text, null as empty. */
    private Object value(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? (node.isNumber() ? node.numberValue() : node.asString()) : json.writeValueAsString(
                node);
    }

    private static Instant scoredAt(ResultSet row) throws SQLException {
        return row.getObject(1, OffsetDateTime.class).toInstant();
    }

    private DeploymentEntity readable(WorkspaceRef workspace, String name) {
        access.requireRead(workspace.id(), () -> new DeploymentNotFoundException(name));
        return deployments.findByWorkspaceIdAndName(workspace.id(), name)
                .orElseThrow(() -> new DeploymentNotFoundException(name));
    }

    /** The rows of one deployment in a query's time range. */
    private record Where(String sql, List<Object> args) {

        static Where of(UUID workspaceId, String deployment, PredictionQuery query) {
            StringBuilder sql = new StringBuilder("workspace_id = ? AND deployment = ?");
            List<Object> args = new ArrayList<>(List.of(workspaceId, deployment));
            if (query.from() != null) {
                sql.append(" AND scored_at >= ?");
                args.add(query.from().atOffset(ZoneOffset.UTC));
            }
            if (query.to() != null) {
                sql.append(" AND scored_at < ?");
                args.add(query.to().atOffset(ZoneOffset.UTC));
            }
            return new Where(sql.toString(), List.copyOf(args));
        }
    }
}
