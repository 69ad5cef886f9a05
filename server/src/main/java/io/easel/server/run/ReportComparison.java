package io.easel.server.run;

import io.easel.component.ReportSpec;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Evaluation reports side by side: of several nodes of one run, or of the same nodes in two runs.
 *
 * @param reports each report with its metric values and curve data
 * @param metrics every metric any of them has, in the order their reports declare them (headlines flagged)
 * @param curves every curve chart any of them has (ROC, precision–recall, gain …), to overlay one per chart
 */
public record ReportComparison(List<ComparedReport> reports, List<ReportSpec.Metric> metrics,
        List<ReportSpec.Chart> curves) {

    public ReportComparison {
        reports = List.copyOf(reports);
        metrics = List.copyOf(metrics);
        curves = List.copyOf(curves);
    }

    /**
     * One report of one node of one run.
     *
     * @param revision the experiment revision the run ran, or null
     * @param label the node's label, or null (show the component's title)
     * @param metrics values by metric name
     * @param curves {@code [[x, y], …]} by chart name, for the curve charts only
     */
    public record ComparedReport(UUID runId, Integer revision, String nodeId, String label, String component,
            String port, String reportKind, Map<String, Object> metrics, Map<String, Object> curves) {}
}
