package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import io.easel.component.Catalog;
import io.easel.graph.ExperimentGraph;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.server.run.LaunchSettings;
import io.easel.server.run.RunView;
import io.easel.studio.layout.RelativeTime;
import io.easel.studio.layout.StateBadge;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The side panel when no node is selected: the experiment's description, its size, its latest run and every problem
 * standing between it and a run (each one selects its node).
 */
class ExperimentPanel extends Div {

    private final Catalog catalog;
    private final Locale locale;
    private final Consumer<String> selectNode;
    private final H3 title = new H3();
    private final TextArea description = new TextArea();
    private final Div facts = new Div();
    private final Div runBox = new Div();
    private final Div issues = new Div();
    private final Div logBox = new Div();
    private LogPanel log;
    private UUID logRun;

    ExperimentPanel(Catalog catalog, Locale locale, Consumer<String> descriptionChanged, Consumer<String> selectNode) {
        this.catalog = catalog;
        this.locale = locale;
        this.selectNode = selectNode;
        addClassName("experiment-panel");

        Span eyebrow = new Span(getTranslation("panel.experiment"));
        eyebrow.addClassName("panel-eyebrow");
        title.addClassName("panel-title");
        Span hint = new Span(getTranslation("panel.hint"));
        hint.addClassName("panel-hint");
        Div head = new Div(eyebrow, title, hint);
        head.addClassName("panel-head");

        description.setLabel(getTranslation("experiment.description"));
        description.setPlaceholder(getTranslation("experiment.description.placeholder"));
        description.setWidthFull();
        description.setId("experiment-description-field");
        description.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                descriptionChanged.accept(e.getValue());
            }
        });

        facts.addClassName("facts");
        runBox.addClassName("run-box");
        issues.addClassName("issues");
        logBox.addClassName("panel-log");
        Div body = new Div(description, facts, section("panel.latest-run", runBox), section("panel.run-log", logBox),
                section("panel.issues", issues));
        body.addClassName("panel-settings");
        add(head, body);
    }

    private Component section(String key, Div content) {
        H4 heading = new H4(getTranslation(key));
        heading.addClassName("section-title");
        Div section = new Div(heading, content);
        section.addClassName("panel-section");
        return section;
    }

    void update(String name, String text, ExperimentGraph graph, ValidationResult validation, RunView run,
            Instant savedAt) {
        title.setText(name);
        if (!description.getValue().equals(text == null ? "" : text)) {
            description.setValue(text == null ? "" : text);
        }
        facts.removeAll();
        facts.add(fact("panel.nodes", Integer.toString(graph.nodes().size())),
                fact("panel.edges", Integer.toString(graph.edges().size())),
                fact("panel.saved", savedAt == null ? "—"
                        : RelativeTime.format(savedAt, Instant.now(), locale, this::translate)));
        showRun(run);
        showIssues(graph, validation);
    }

    private void showRun(RunView run) {
        runBox.removeAll();
        StateBadge badge = new StateBadge();
        badge.show(run == null ? null : run.state());
        runBox.add(badge);
        if (run == null) {
            Span none = new Span(getTranslation("panel.never-run"));
            none.addClassName("muted");
            runBox.add(none);
            return;
        }
        Div details = new Div();
        details.addClassName("run-details");
        if (run.startedAt() != null) {
            details.add(fact("panel.run.started", RelativeTime.absolute(run.startedAt(), locale)));
            Instant end = run.finishedAt() == null ? Instant.now() : run.finishedAt();
            details.add(fact("panel.run.duration", duration(Duration.between(run.startedAt(), end))));
        }
        if (run.settings() != null) {
            Div launch = fact("panel.run.launch", launchSummary(run.settings()));
            launch.setId("run-launch");
            launch.getElement().setAttribute("title", launchDetails(run.settings()));
            details.add(launch);
        }
        boolean uiReachable = run.sparkUiUrl() != null && !run.state().isFinal();
        if (run.sparkAppId() != null) {
            // "Spark application <id>", the id linking to the driver's UI while there is one (the launcher may know
            // the id before the engine reports its UI, and the UI goes with the driver).
            Div fact = fact("panel.run.spark-app", run.sparkAppId());
            fact.setId("run-spark-app");
            if (uiReachable) {
                Anchor link = new Anchor(run.sparkUiUrl(), run.sparkAppId());
                link.setTarget("_blank");
                link.setTitle(getTranslation("panel.run.spark-ui"));
                link.addClassName("fact-value");
                fact.getChildren().filter(c -> c instanceof Span span && span.hasClassName("fact-value"))
                        .findFirst().ifPresent(value -> fact.replace(value, link));
            }
            details.add(fact);
        } else if (uiReachable) {
            Anchor ui = new Anchor(run.sparkUiUrl(), getTranslation("panel.run.spark-ui"));
            ui.setTarget("_blank");
            details.add(ui);
        }
        if (run.message() != null && !run.message().isBlank()) {
            Div message = new Div(new Span(run.message()));
            message.addClassName(run.state() == io.easel.run.RunState.FAILED ? "problem" : "muted");
            details.add(message);
        }
        runBox.add(details);
    }

    /**
     * Appends what the log of run {@code runId} gained since the last refresh (a new run starts a new log); null
     * (never run) shows none.
     */
    void refreshLog(UUID runId, LogPanel.Source source) {
        if (runId == null) {
            return;
        }
        if (!runId.equals(logRun)) {
            logRun = runId;
            logBox.removeAll();
            log = new LogPanel(source, true, getTranslation("log.empty"));
            log.setId("run-log");
            logBox.add(log);
        }
        log.refresh();
    }

    private void showIssues(ExperimentGraph graph, ValidationResult validation) {
        issues.removeAll();
        if (graph.nodes().isEmpty()) {
            Span empty = new Span(getTranslation("panel.empty-graph"));
            empty.addClassName("muted");
            issues.add(empty);
            return;
        }
        if (validation == null || validation.isValid()) {
            Span ok = new Span(getTranslation("panel.no-issues"));
            ok.addClassName("ok-text");
            issues.add(ok);
            return;
        }
        ValidationMessages messages = new ValidationMessages(this::getTranslation, locale);
        for (ValidationError error : validation.errors()) {
            var component = error.nodeId() == null ? null
                    : graph.node(error.nodeId()).flatMap(n -> catalog.find(n.component())).orElse(null);
            String nodeName = error.nodeId() == null ? "" : graph.node(error.nodeId())
                    .map(n -> n.label() != null ? n.label()
                            : component != null ? component.title().in(locale) : n.id())
                    .orElse(error.nodeId());
            Span where = new Span(nodeName);
            where.addClassName("issue-node");
            Span what = new Span(component == null ? error.message() : messages.sentence(error, component));
            Div line = new Div(where, what);
            line.addClassName("issue");
            if (error.nodeId() != null) {
                line.addClickListener(e -> selectNode.accept(error.nodeId()));
            }
            issues.add(line);
        }
    }

    /** Where a run ran, in Spark's words: {@code local[*] · client}. */
    static String launchSummary(LaunchSettings settings) {
        return settings.deployMode() == null ? settings.master() : settings.master() + " · " + settings.deployMode();
    }

    /**
     * The resources a run had, one {@code key=value} per line (Spark's names need no translation). Not its extra Spark
     * settings: the server's may hold credentials (an S3 secret key), which a tooltip should not show.
     */
    static String launchDetails(LaunchSettings settings) {
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("spark.master", settings.master());
        lines.put("spark.submit.deployMode", settings.deployMode());
        lines.put("spark.driver.memory", settings.driverMemory());
        lines.put("spark.driver.cores", settings.driverCores());
        lines.put("spark.executor.memory", settings.executorMemory());
        lines.put("spark.executor.cores", settings.executorCores());
        lines.put("spark.executor.instances", settings.numExecutors());
        return lines.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private Div fact(String key, String value) {
        Span label = new Span(getTranslation(key));
        label.addClassName("fact-label");
        Span text = new Span(value);
        text.addClassName("fact-value");
        Div fact = new Div(label, text);
        fact.addClassName("fact");
        return fact;
    }

    private String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        return seconds < 60 ? getTranslation("time.seconds", seconds)
                : getTranslation("time.minutes-seconds", seconds / 60, seconds % 60);
    }

    private String translate(String key, Object argument) {
        return argument == null ? getTranslation(key) : getTranslation(key, argument);
    }
}
