package io.easel.components.spi;

import java.util.Map;

/**
 * A report: scalar metrics by name and chart series by name (e.g. {@code roc} as {@code [[fpr, tpr], …]}).
 * Values must be JSON-friendly (numbers, strings, lists, maps).
 */
public record ReportData(String kind, Map<String, Object> metrics, Map<String, Object> charts) {

    public ReportData {
        metrics = Map.copyOf(metrics);
        charts = Map.copyOf(charts);
    }
}
