package io.easel.studio.editor;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import io.easel.studio.canvas.Chart;
import io.easel.studio.canvas.ChartOption;
import java.util.List;

/**
 * A heat map of counts such as a confusion matrix (rows actual, columns predicted) with a toggle between the counts
 * and each row's shares (recall per class, for a confusion matrix). {@link #show} redraws it with new counts in the
 * view the user chose, as the threshold of a binary classifier moves.
 */
final class CountsMatrix extends Div {

    private final List<String> labels;
    private final ChartOption.Axes axes;
    private final ChartOption.Texts texts;
    private final Chart chart;
    private final Tabs toggle;
    private final Tab shares;
    private List<List<Double>> values;

    CountsMatrix(List<String> labels, List<List<Double>> values, ChartOption.Axes axes, ChartOption.Texts texts) {
        this.labels = labels;
        this.values = values;
        this.axes = axes;
        this.texts = texts;
        this.chart = ReportView.chart(ChartOption.matrix(labels, values, axes, false, texts), height(labels.size()));
        Tab counts = new Tab(getTranslation("results.matrix.counts"));
        counts.getElement().setAttribute("data-matrix-view", "counts");
        shares = new Tab(getTranslation("results.matrix.row-shares"));
        shares.getElement().setAttribute("data-matrix-view", "row-shares");
        toggle = new Tabs(counts, shares);
        toggle.addClassName("matrix-toggle");
        toggle.addSelectedChangeListener(e -> show(this.values));
        addClassName("matrix-chart");
        add(toggle, chart);
    }

    /** The height that gives each of {@code size} rows room for its label. */
    static int height(int size) {
        return Math.max(280, 34 * size + 140);
    }

    void show(List<List<Double>> values) {
        this.values = values;
        chart.setOption(ChartOption.matrix(labels, values, axes, toggle.getSelectedTab() == shares, texts));
    }
}
