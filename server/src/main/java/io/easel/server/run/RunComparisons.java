package io.easel.server.run;

import io.easel.component.ReportSpec;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.Node;
import io.easel.server.run.RunComparison.ComparedParam;
import io.easel.server.run.RunComparison.NodeParams;
import io.easel.server.run.RunComparison.Presence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/** Puts runs' evaluation reports and params side by side. */
final class RunComparisons {

    private RunComparisons() {}

    /** Charts drawn as lines over [0, 1]-like axes, which overlay meaningfully: ROC, precision–recall, gain, lift. */
    static boolean isCurve(ReportSpec.Chart chart) {
        return chart.kind() == ReportSpec.ChartKind.CURVE || chart.kind() == ReportSpec.ChartKind.CURVE_WITH_DIAGONAL;
    }

    /** The evaluation reports of the runs, run by run, with the union of their metrics and curve charts. */
    static ReportComparison reports(List<RunRecord> runs, Predicate<String> measuresModels) {
        List<ReportComparison.ComparedReport> compared = new ArrayList<>();
        Map<String, ReportSpec.Metric> metrics = new LinkedHashMap<>();
        Map<String, ReportSpec.Chart> curves = new LinkedHashMap<>();
        for (RunRecord run : runs) {
            compared.addAll(run.comparedReports(measuresModels));
            for (RunRecord.Report report : run.reports(measuresModels)) {
                report.spec().metrics().forEach(m -> metrics.putIfAbsent(m.name(), m));
                report.spec().charts().stream().filter(RunComparisons::isCurve)
                        .forEach(c -> curves.putIfAbsent(c.name(), c));
            }
        }
        return new ReportComparison(compared, List.copyOf(metrics.values()), List.copyOf(curves.values()));
    }

    static RunComparison compare(RunRecord first, RunRecord second, Predicate<String> measuresModels) {
        return new RunComparison(first.summary(measuresModels), second.summary(measuresModels),
                params(first.graph(), second.graph()), reports(List.of(first, second), measuresModels));
    }

    /** Every node of either graph with the params set on it in each; unchanged nodes too, for the whole picture. */
    static List<NodeParams> params(ExperimentGraph first, ExperimentGraph second) {
        Set<String> ids = new LinkedHashSet<>();
        first.nodes().forEach(n -> ids.add(n.id()));
        second.nodes().forEach(n -> ids.add(n.id()));
        List<NodeParams> nodes = new ArrayList<>();
        for (String id : ids) {
            Optional<Node> before = first.node(id);
            Optional<Node> after = second.node(id);
            Node either = after.orElseGet(before::orElseThrow);
            Presence presence = before.isPresent() && after.isPresent() ? Presence.BOTH
                    : before.isPresent() ? Presence.FIRST_ONLY : Presence.SECOND_ONLY;
            Map<String, Object> firstParams = before.map(Node::params).orElse(Map.of());
            Map<String, Object> secondParams = after.map(Node::params).orElse(Map.of());
            Set<String> names = new LinkedHashSet<>(firstParams.keySet());
            names.addAll(secondParams.keySet());
            List<ComparedParam> params = names.stream()
                    .map(name -> new ComparedParam(name, firstParams.get(name), secondParams.get(name))).toList();
            nodes.add(new NodeParams(id, either.component(), either.label(), presence, params));
        }
        return nodes;
    }
}
