package io.easel.server.run;

import io.easel.run.RunLogLine;
import io.easel.server.settings.StoredJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * A page of a run's log: the lines (of the whole run, or of one node) found from byte {@code offset} of the run's log
 * file up to {@code nextOffset}, where the next page starts. Offsets count bytes of the file, the same for the run's
 * log and each node's, so a client tails either by passing back {@code nextOffset}; {@code more} says the file
 * already holds more than this page.
 */
public record RunLogPage(List<RunLogLine> lines, long offset, long nextOffset, boolean more) {

    private static final Logger log = LoggerFactory.getLogger(RunLogPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    public RunLogPage {
        lines = List.copyOf(lines);
    }

    static RunLogPage empty(long offset) {
        return new RunLogPage(List.of(), offset, offset, false);
    }

    /**
     * The complete lines in {@code bytes}, read from {@code offset} of the file; a line the engine is still writing
     * (no newline yet) is left for the next page.
     *
     * @param node only this node's lines; null for every line
     * @param more whether the file goes on after {@code bytes}
     */
    static RunLogPage read(byte[] bytes, long offset, String node, boolean more) {
        int end = bytes.length;
        while (end > 0 && bytes[end - 1] != '\n') {
            end--;
        }
        List<RunLogLine> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                parse(bytes, start, i).filter(line -> node == null || line.of(node)).ifPresent(lines::add);
                start = i + 1;
            }
        }
        return new RunLogPage(lines, offset, offset + end, more || end < bytes.length);
    }

    private static Optional<RunLogLine> parse(byte[] bytes, int from, int to) {
        if (to <= from) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredJson.MAPPER.readValue(new String(bytes, from, to - from, StandardCharsets.UTF_8),
                    RunLogLine.class));
        } catch (JacksonException e) {
            log.debug("A run log line is not a log line: {}", e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /**
     * The lines as text, one a line: {@code 2026-12-01 07:03:11.123 WARN  [split] TaskSetManager: …} (UTC; the node in
     * brackets, none for the run's own lines), a stack trace indented below its line.
     */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (RunLogLine line : lines) {
            text.append(TIME.format(Instant.ofEpochMilli(line.at()))).append(' ')
                    .append(String.format("%-5s", line.level())).append(' ');
            if (line.node() != null) {
                text.append('[').append(line.node()).append("] ");
            }
            text.append(line.logger() == null ? "" : line.logger() + ": ").append(line.message()).append('\n');
            if (line.detail() != null) {
                line.detail().lines().forEach(detail -> text.append("    ").append(detail).append('\n'));
            }
        }
        return text.toString();
    }
}
