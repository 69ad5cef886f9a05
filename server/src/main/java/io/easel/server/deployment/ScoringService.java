package io.easel.server.deployment;

import io.easel.server.deployment.ScoreResponse.Prediction;
import io.easel.server.deployment.drift.DriftMonitor;
import io.easel.server.deployment.drift.DriftReport;
import io.easel.server.model.ModelVersionView;
import io.easel.server.security.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jpmml.evaluator.FieldValue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scores raw records (the columns the experiment read) with a deployed model version: the one the deployment serves,
 * or, while a canary runs, the canary for its share of the requests ({@link TrafficSplit}). Every record is checked
 * against the model's inputs before any is evaluated, and every problem comes back as a 4xx naming the field. Every
 * request to a deployment that exists is counted and timed ({@link ScoringMeters}); an unknown deployment is not (its
 * name is the caller's to choose, and would make one meter per typo). While a deployment's prediction log is on, a
 * sample of the scored records and their predictions goes to it ({@link PredictionLog}), never delaying the answer.
 * The raw inputs of every record scored go to the deployment version's drift window ({@link DriftMonitor}).
 */
@Service
public class ScoringService {

    private final DeploymentService deployments;
    private final ScoringModels scoringModels;
    private final JsonMapper json;
    private final ScoringGate gate;
    private final ScoringMeters meters;
    private final PredictionLog predictionLog;
    private final DriftMonitor drift;
    private final ScoringTimelines timelines;
    private final int maxRecords;

    ScoringService(DeploymentService deployments, ScoringModels scoringModels, JsonMapper json, ScoringGate gate,
            ScoringMeters meters, PredictionLog predictionLog, DriftMonitor drift, ScoringTimelines timelines,
            @Value("${easel.scoring.max-records:10000}") int maxRecords) {
        this.deployments = deployments;
        this.scoringModels = scoringModels;
        this.json = json;
        this.gate = gate;
        this.meters = meters;
        this.predictionLog = predictionLog;
        this.drift = drift;
        this.timelines = timelines;
        this.maxRecords = maxRecords;
    }

    /**
     * @param records one map per record, field name to value as Jackson reads JSON (String, Number, Boolean, null)
     * @throws DeploymentNotFoundException (404)
     * @throws ScoringRequestException 400 for no records, missing fields and wrong types; 422 for values the model
     *     rejects or missing values it cannot score
     */
    public ScoreResponse score(WorkspaceRef workspace, String deploymentName, List<Map<String, Object>> records) {
        long start = System.nanoTime();
        DeploymentService.Served served = deployments.served(workspace, deploymentName);
        ModelVersionView answering = served.answering();
        ScoringMeters.Meters metered = meters.of(workspace, deploymentName, answering.version());
        try {
            ScoreResponse response = score(workspace, served, answering, records);
            metered.succeeded(start, response.predictions().size());
            return response;
        } catch (RuntimeException failure) {
            metered.failed(start, failure);
            throw failure;
        }
    }

    /**
     * How the version a deployment serves has scored on this server since it started (requests, errors, p99 latency).
     *
     * @param deployment as {@link DeploymentService#list} or {@link DeploymentService#get} gave it to the caller
     */
    public ScoringFigures figures(WorkspaceRef workspace, DeploymentView deployment) {
        return meters.figures(workspace, deployment.name(), deployment.modelVersion());
    }

    /**
     * The same figures for the deployment's canary version, while a canary runs: what it answered beside the served
     * version, to compare the two before promoting or aborting.
     *
     * @return empty when no canary runs
     */
    public Optional<ScoringFigures> canaryFigures(WorkspaceRef workspace, DeploymentView deployment) {
        return Optional.ofNullable(deployment.canaryVersion())
                .map(canary -> meters.figures(workspace, deployment.name(), canary));
    }

    /**
     * How the deployment (every version together) scored on this server in each of its last {@code minutes} minutes:
     * requests per second, error rate and p99 latency, the current minute last.
     *
     * @param minutes 1 to 60
     * @throws DeploymentNotFoundException (404)
     * @throws ScoringTimelineException (400, naming {@code minutes}) out of range
     */
    public ScoringTimeline timeline(WorkspaceRef workspace, String deploymentName, int minutes) {
        deployments.served(workspace, deploymentName);
        return timelines.lastMinutes(workspace.id(), deploymentName, minutes);
    }

    /**
     * How far the inputs the deployment's versions (the served one, and the canary while one runs) scored lately on
     * this server have drifted from their training data.
     *
     * @throws DeploymentNotFoundException (404)
     */
    public DriftReport drift(WorkspaceRef workspace, String deploymentName) {
        DeploymentService.Served served = deployments.served(workspace, deploymentName);
        List<ModelVersionView> versions = new ArrayList<>(List.of(served.version()));
        if (served.canary() != null) {
            versions.add(served.canary());
        }
        return drift.report(workspace, served.deployment(), versions);
    }

    /**
     * Scores a request body as it streams in: one JSON object or a list of them. An unknown deployment is a 404
     * whatever the body holds (and before any of it is read); the body is read only once it is this request's turn
     * ({@link ScoringGate}).
     *
     * @throws IOException when the body cannot be read, or grows past its limit
     */
    ScoreResponse scoreJson(WorkspaceRef workspace, String deploymentName, InputStream body) throws IOException {
        long start = System.nanoTime();
        DeploymentService.Served served = deployments.served(workspace, deploymentName);
        ModelVersionView answering = served.answering();
        // Timed from the request's arrival, waiting for its turn included: the latency a client sees, less the network.
        ScoringMeters.Meters metered = meters.of(workspace, deploymentName, answering.version());
        try {
            ScoreResponse response = gate.inTurn(
                    () -> score(workspace, served, answering, ScoringRequestBody.records(json, body, maxRecords)));
            metered.succeeded(start, response.predictions().size());
            return response;
        } catch (IOException | RuntimeException failure) {
            metered.failed(start, failure);
            throw failure;
        }
    }

    /** @param version the version that answers: the served one, or the canary for the canary's share of requests */
    private ScoreResponse score(WorkspaceRef workspace, DeploymentService.Served served, ModelVersionView version,
            List<Map<String, Object>> records) {
        if (records.isEmpty()) {
            throw ScoringRequestException.badRequest(
                    "The list of records is empty: send one JSON object of input fields, or a non-empty list of them");
        }
        if (records.size() > maxRecords) {
            throw ScoringRequestException.badRequest("Too many records: " + records.size() + " sent, at most "
                    + maxRecords + " per request");
        }
        ScoringModel model = scoringModels.forVersion(version);
        List<String> warnings = new ArrayList<>();
        List<Map<String, FieldValue>> arguments = model.prepare(records, warnings,
                served.deployment().unseenCategories());
        List<Prediction> predictions = new ArrayList<>(arguments.size());
        for (int i = 0; i < arguments.size(); i++) {
            predictions.add(model.predict(arguments.get(i), arguments.size() > 1 ? i + 1 : null));
        }
        predictionLog.sample(workspace.id(), served, version, records, predictions);
        drift.record(workspace, served.deployment(), version, records);
        return new ScoreResponse(served.deployment().name(), version.modelId(), version.version(), predictions,
                warnings);
    }
}
