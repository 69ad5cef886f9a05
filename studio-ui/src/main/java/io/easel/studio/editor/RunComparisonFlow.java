package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.server.catalog.CatalogService;
import io.easel.server.run.RunHistory;
import io.easel.server.run.RunSummary;
import io.easel.studio.layout.RelativeTime;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The editor's run history and comparisons: the toolbar's Run history and Compare buttons and the dialogs they open.
 * Showing a past run on the canvas stays with the editor, which owns the canvas.
 */
class RunComparisonFlow {

    private final RunHistory history;
    private final CatalogService catalog;
    private final Component translator;
    private final Supplier<Locale> locale;
    private final Consumer<RunSummary> showPastRun;

    /**
     * @param translator the editor, whose language the dialogs speak
     * @param locale the editor's language now
     * @param showPastRun puts a past run's graph and results on the canvas
     */
    RunComparisonFlow(RunHistory history, CatalogService catalog, Component translator, Supplier<Locale> locale,
            Consumer<RunSummary> showPastRun) {
        this.history = history;
        this.catalog = catalog;
        this.translator = translator;
        this.locale = locale;
        this.showPastRun = showPastRun;
    }

    /** @param experiment the experiment and its name when clicked */
    Button historyButton(Supplier<UUID> experiment, Supplier<String> name) {
        Button button = new Button(translator.getTranslation("editor.history"), VaadinIcon.CLOCK.create(),
                e -> openHistory(experiment.get(), name.get()));
        button.setId("run-history-button");
        return button;
    }

    /** @param latestRun the run on the canvas when clicked, null for none */
    Button compareButton(Supplier<UUID> latestRun) {
        Button button = new Button(translator.getTranslation("editor.compare"), VaadinIcon.BAR_CHART_H.create(),
                e -> compareEvaluations(latestRun.get()));
        button.setId("compare-evaluations-button");
        button.setTooltipText(translator.getTranslation("editor.compare.tooltip"));
        return button;
    }

    private void openHistory(UUID experimentId, String experimentName) {
        new RunHistoryDialog(experimentName, history.of(experimentId),
                h -> nodeName(h.nodeId(), h.label(), h.component()), new RunHistoryDialog.Actions() {
                    @Override
                    public void open(RunSummary past) {
                        showPastRun.accept(past);
                    }

                    @Override
                    public void compareReports(RunSummary past) {
                        compareEvaluations(past.id());
                    }

                    @Override
                    public void compare(RunSummary first, RunSummary second) {
                        ComparisonDialog.ofRuns(history.compare(first.id(), second.id()),
                                RunComparisonFlow.this::nodeName, RunComparisonFlow.this::runTitle).open();
                    }
                }).open();
    }

    /** The evaluations of a finished run side by side, as the model-comparison template wants them. */
    private void compareEvaluations(UUID runId) {
        if (runId == null) {
            return;
        }
        ComparisonDialog.ofReports(translator.getTranslation("compare.reports.title",
                runTitle(history.summary(runId))), history.reports(runId), this::nodeName).open();
    }

    /** "Run from 5 min ago (revision 3)" */
    String runTitle(RunSummary summary) {
        String when = RelativeTime.format(summary.createdAt(), Instant.now(), locale.get(),
                (key, argument) -> argument == null ? translator.getTranslation(key)
                        : translator.getTranslation(key, argument));
        return summary.revision() == null ? translator.getTranslation("history.run", when)
                : translator.getTranslation("history.run.revision", when, summary.revision());
    }

    /** A node of a compared report or a history line as the canvas names it: its label, else its component's title. */
    private String nodeName(String nodeId, String label, String component) {
        if (label != null && !label.isBlank()) {
            return label;
        }
        return catalog.find(component).map(c -> c.title().in(locale.get())).orElse(nodeId);
    }
}
