package io.easel.server.run;

import io.easel.component.ReportSpec;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunState;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** A run as stored, with its graph and what each node produced: what history and comparisons are made from. */
record RunRecord(UUID id, UUID workspaceId, UUID experimentId, Integer revision, RunState state, String message,
        Instant createdAt, Instant startedAt, Instant finishedAt, ExperimentGraph graph, List<NodeRecord> nodes,
        RunTrigger trigger) {

    record NodeRecord(String nodeId, NodeState state, Map<String, PortResult> outputs) {}

    /** A report on one port of one node. */
    record Report(Node node, String port, ReportSpec spec, PortResult result) {}

    static RunRecord of(RunEntity run, List<NodeRunEntity> nodes) {
        return new RunRecord(run.id(), run.workspaceId(), run.experimentId(), run.revision(), run.state(),
                run.message(), run.createdAt(), run.startedAt(), run.finishedAt(), run.graph(),
                nodes.stream().map(n -> new NodeRecord(n.nodeId(), n.state(), n.outputs().ports())).toList(),
                run.trigger());
    }

    /**
     * The reports the run produced, in graph order, of the nodes whose component {@code measuresModels} says is
     * about how good a model is (an evaluation, a tuning), not about the data (a split's sizes, a profile).
     */
    List<Report> reports(Predicate<String> measuresModels) {
        List<Report> reports = new ArrayList<>();
        for (NodeRecord nodeRun : nodes) {
            Optional<Node> node = graph.node(nodeRun.nodeId());
            if (node.isEmpty() || !measuresModels.test(node.get().component())) {
                continue;
            }
            nodeRun.outputs().forEach((port, result) -> {
                if (result.spec() instanceof ReportSpec spec && result.metrics() != null) {
                    reports.add(new Report(node.get(), port, spec, result));
                }
            });
        }
        return reports;
    }

    /**
     * The reports of the nodes downstream of {@code nodeId} (fed by it, directly or through other nodes) that
     * {@code measuresModels} says measure a model, in graph order.
     */
    List<Report> reportsDownstreamOf(String nodeId, Predicate<String> measuresModels) {
        Set<String> downstream = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(nodeId));
        while (!pending.isEmpty()) {
            String from = pending.pop();
            for (Edge edge : graph.edges()) {
                if (edge.from().node().equals(from) && downstream.add(edge.to().node())) {
                    pending.push(edge.to().node());
                }
            }
        }
        return reports(measuresModels).stream().filter(r -> downstream.contains(r.node().id())).toList();
    }

    RunSummary summary(Predicate<String> measuresModels) {
        List<RunSummary.Headline> headlines = new ArrayList<>();
        for (Report report : reports(measuresModels)) {
            for (ReportSpec.Metric metric : report.spec().metrics()) {
                Object value = report.result().metrics().get(metric.name());
                if (metric.headline() && value != null) {
                    headlines.add(new RunSummary.Headline(report.node().id(), report.node().label(),
                            report.node().component(), metric.name(), metric.title(), value));
                }
            }
        }
        return new RunSummary(id, experimentId, revision, state, message, createdAt, startedAt, finishedAt,
                RunSummary.duration(createdAt, startedAt, finishedAt), headlines, trigger);
    }

    List<ReportComparison.ComparedReport> comparedReports(Predicate<String> measuresModels) {
        return reports(measuresModels).stream().map(this::compared).toList();
    }

    private ReportComparison.ComparedReport compared(Report report) {
        Map<String, Object> curves = new LinkedHashMap<>();
        Map<String, Object> charts = report.result().charts() == null ? Map.of() : report.result().charts();
        for (ReportSpec.Chart chart : report.spec().charts()) {
            if (RunComparisons.isCurve(chart) && charts.get(chart.name()) != null) {
                curves.put(chart.name(), charts.get(chart.name()));
            }
        }
        return new ReportComparison.ComparedReport(id, revision, report.node().id(), report.node().label(),
                report.node().component(), report.port(), report.spec().kind(), report.result().metrics(), curves);
    }
}
