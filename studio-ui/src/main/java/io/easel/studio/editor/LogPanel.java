package io.easel.studio.editor;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import io.easel.run.RunLogLine;
import io.easel.server.run.RunLogPage;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A run's log, or one node's, as it grows: each {@link #refresh()} asks only for what the log gained since the last
 * one and appends it (never reloading the whole log), keeping the latest {@value #MAX_LINES} lines in view. A line
 * with a stack trace shows it folded below.
 */
class LogPanel extends Div {

    /** A page of the log from a byte offset of its file. */
    interface Source {
        RunLogPage page(long offset);
    }

    static final int MAX_LINES = 1000;
    /** Pages read in one refresh at most: a log that grew a lot catches up over a few refreshes. */
    private static final int MAX_PAGES = 4;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Source source;
    private final boolean showNodes;
    private final Div lines = new Div();
    private final Span empty;
    private long offset;
    private int shown;

    /** @param showNodes whether each line names its node (the run's log) or not (one node's) */
    LogPanel(Source source, boolean showNodes, String emptyText) {
        this.source = source;
        this.showNodes = showNodes;
        addClassName("log-panel");
        lines.addClassName("log-lines");
        empty = new Span(emptyText);
        empty.addClassName("muted");
        add(empty, lines);
    }

    /** Appends what the log gained since the last refresh; a log that cannot be read now is tried again next time. */
    void refresh() {
        boolean added = false;
        for (int page = 0; page < MAX_PAGES; page++) {
            RunLogPage next;
            try {
                next = source.page(offset);
            } catch (RuntimeException unreadable) {
                return;
            }
            next.lines().forEach(this::append);
            added |= !next.lines().isEmpty();
            offset = next.nextOffset();
            if (!next.more()) {
                break;
            }
        }
        if (!added) {
            return;
        }
        if (shown > MAX_LINES) {
            lines.getChildren().limit(shown - MAX_LINES).toList().forEach(lines::remove);
            shown = MAX_LINES;
        }
        empty.setVisible(shown == 0);
        lines.getElement().executeJs("this.scrollTop = this.scrollHeight");
    }

    private void append(RunLogLine line) {
        shown++;
        Div row = new Div();
        row.addClassName("log-line");
        row.getElement().setAttribute("data-level", line.level());
        Span time = new Span(TIME.format(Instant.ofEpochMilli(line.at()).atZone(ZoneId.systemDefault())));
        time.addClassName("log-time");
        Span level = new Span(line.level());
        level.addClassName("log-level");
        row.add(time, level);
        if (showNodes && line.node() != null) {
            Span node = new Span(line.node());
            node.addClassName("log-node");
            row.add(node);
        }
        Span message = new Span(line.message());
        message.addClassName("log-message");
        row.add(message);
        if (line.detail() == null) {
            lines.add(row);
            return;
        }
        Pre trace = new Pre(line.detail());
        trace.addClassName("log-detail");
        Details folded = new Details(row, trace);
        folded.addClassName("log-entry");
        lines.add(folded);
    }
}
