package io.easel.server.run;

import io.easel.server.run.PortStatisticsView.ColumnStatistics;
import io.easel.server.run.PortStatisticsView.Histogram;
import io.easel.server.run.StatisticsUnavailableException.Reason;
import io.easel.server.settings.StoredJson;
import io.easel.server.settings.StudioOnly;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * The column statistics of a table output (missing, distinct, range, mean, top values, histogram), computed when
 * first asked for and kept beside the output ({@code _statistics.json}), so they are computed once per output and
 * survive a server restart. The warm engine computes them where it can read the workspace (a local master); elsewhere
 * a Spark job of their own does, on the cluster and with the settings of the run that wrote the output
 * ({@link StatisticsJobs}). Who may read an output's rows may read its statistics (404 for everyone else).
 */
@Service
@StudioOnly
public class PortStatisticsService {

    private static final Logger log = LoggerFactory.getLogger(PortStatisticsService.class);

    private final PortDataService data;
    private final RunWorkspace workspace;
    private final ObjectProvider<EngineLauncher> launcher;
    private final StatisticsJobs jobs;
    private final RunService runs;
    /** Why the engine could not compute an output's statistics, by location, until that is told once. */
    private final Map<String, PortStatisticsView> failures = new ConcurrentHashMap<>();

    PortStatisticsService(PortDataService data, RunWorkspace workspace, ObjectProvider<EngineLauncher> launcher,
            StatisticsJobs jobs, RunService runs) {
        this.data = data;
        this.workspace = workspace;
        this.launcher = launcher;
        this.jobs = jobs;
        this.runs = runs;
    }

    /**
     * The statistics when they are written; else asks the engine for them and answers {@code computing}.
     *
     * @throws TableOutputNotFoundException (404) for a port that is not a table, or whose output was purged
     * @throws StatisticsUnavailableException (409) when the engine that would compute them cannot be started
     */
    public PortStatisticsView statistics(UUID runId, String nodeId, String port) {
        String location = data.tableLocation(runId, nodeId, port);
        Optional<byte[]> written;
        Optional<String> jobFailure;
        try {
            written = workspace.statistics(location);
            // A job under way has written no failure yet: one read of the workspace per poll while it computes.
            jobFailure = written.isPresent() || jobs.computing(location) ? Optional.empty()
                    : workspace.takeStatisticsFailure(location);
        } catch (FileNotFoundException gone) {
            throw new TableOutputNotFoundException(runId, nodeId, port, ": its files are no longer in the run "
                    + "workspace");
        } catch (IOException e) {
            throw new UncheckedIOException("Run " + runId + ", node " + nodeId + ", port " + port
                    + ": the statistics could not be read", e);
        }
        if (written.isPresent()) {
            return ready(StoredJson.MAPPER.readTree(written.get()));
        }
        PortStatisticsView failure = failures.remove(location);
        if (jobFailure.isPresent()) {
            return PortStatisticsView.failed(jobFailure.get());
        }
        if (failure != null) {
            return failure;
        }
        ask(runId, location);
        return PortStatisticsView.computing();
    }

    private void ask(UUID runId, String location) {
        if (launcher.getIfAvailable() instanceof WarmEngineLauncher warm && warm.computesStatistics()) {
            askWarmEngine(warm, location);
            return;
        }
        try {
            jobs.start(runs.get(runId), location, failed -> {
                try {
                    if (workspace.hasStatisticsFailure(location)) {
                        return; // the job said why itself, beside the output
                    }
                } catch (IOException unreadable) {
                    log.debug("Could not look for the failure of the statistics job of {}", location, unreadable);
                }
                log.warn("The column statistics of {} could not be computed: {}", location, failed.message());
                failures.put(location, failed);
            });
        } catch (IOException e) {
            throw new StatisticsUnavailableException(Reason.ENGINE_NOT_STARTED,
                    "The Spark job that computes column statistics could not be started: " + e.getMessage());
        }
    }

    private void askWarmEngine(WarmEngineLauncher warm, String location) {
        try {
            warm.statistics(location).exceptionally(failure -> {
                Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                log.warn("The column statistics of {} could not be computed: {}", location, cause.getMessage());
                failures.put(location, PortStatisticsView.failed(cause.getMessage()));
                return null;
            });
        } catch (IOException e) {
            throw new StatisticsUnavailableException(Reason.ENGINE_NOT_STARTED,
                    "The warm engine that computes column statistics could not be started: " + e.getMessage());
        }
    }

    /** The engine's data profile as figures per column. */
    private static PortStatisticsView ready(JsonNode statistics) {
        JsonNode profile = statistics.at("/charts/profile");
        List<String> header = new ArrayList<>();
        profile.get("columns").forEach(name -> header.add(name.asString()));
        List<ColumnStatistics> columns = new ArrayList<>();
        for (JsonNode row : profile.get("rows")) {
            Cells cells = new Cells(header, row);
            String name = cells.text("column");
            JsonNode histogram = statistics.at("/charts/histograms").get(name);
            columns.add(new ColumnStatistics(name, cells.text("type"), cells.count("count"), cells.count("missing"),
                    cells.number("missingShare"), cells.count("distinct"), cells.number("mean"), cells.number("std"),
                    cells.number("min"), cells.number("max"), cells.text("topValues"),
                    histogram == null ? null : histogram(histogram)));
        }
        return new PortStatisticsView(PortStatisticsView.READY, statistics.at("/metrics/rows").asLong(),
                statistics.at("/metrics/completeRows").asLong(), columns, null, null);
    }

    private static Histogram histogram(JsonNode chart) {
        List<Double> edges = new ArrayList<>();
        chart.get("edges").forEach(edge -> edges.add(edge.asDouble()));
        List<Long> counts = new ArrayList<>();
        chart.get("counts").forEach(count -> counts.add(count.asLong()));
        return new Histogram(edges, counts);
    }

    /** A profile row's cells by the profile's column names. */
    private record Cells(List<String> header, JsonNode row) {

        JsonNode cell(String column) {
            int at = header.indexOf(column);
            return at < 0 ? null : row.get(at);
        }

        String text(String column) {
            JsonNode cell = cell(column);
            return cell == null || cell.isNull() ? null : cell.asString();
        }

        long count(String column) {
            JsonNode cell = cell(column);
            return cell == null || cell.isNull() ? 0 : cell.asLong();
        }

        Double number(String column) {
            JsonNode cell = cell(column);
            return cell == null || !cell.isNumber() ? null : cell.asDouble();
        }
    }
}
