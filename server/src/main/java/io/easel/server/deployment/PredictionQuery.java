package io.easel.server.deployment;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Which logged predictions to read: those scored from {@code from} (inclusive) to {@code to} (exclusive), newest
 * first, page by page.
 *
 * @param from null for no lower bound
 * @param to null for no upper bound
 * @param page from 0
 * @param size predictions per page, 1 to {@value #MAX_SIZE}
 */
record PredictionQuery(Instant from, Instant to, int page, int size) {

    static final int DEFAULT_SIZE = 100;
    static final int MAX_SIZE = 1000;

    /**
     * Reads the query parameters as a client sent them.
     *
     * @throws PredictionLogException (400) naming the first parameter Easel cannot use
     */
    static PredictionQuery of(String from, String to, int page, int size) {
        Instant since = instant("from", from);
        Instant until = instant("to", to);
        if (since != null && until != null && !since.isBefore(until)) {
            throw PredictionLogException.invalidField("to", "is " + to + ", which is not after 'from' (" + from
                    + "): send a time range that holds some time");
        }
        if (page < 0) {
            throw PredictionLogException.invalidField("page", "is " + page + ": pages count from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw PredictionLogException.invalidField("size", "is " + size + ": send 1 to " + MAX_SIZE
                    + " predictions per page");
        }
        return new PredictionQuery(since, until, page, size);
    }

    /**
     * Every logged prediction in the time range, as a download reads it (no pages).
     *
     * @throws PredictionLogException (400) naming {@code from} or {@code to} when Easel cannot use it
     */
    static PredictionQuery everyPage(String from, String to) {
        return of(from, to, 0, MAX_SIZE);
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw PredictionLogException.invalidField(field, "is '" + text + "', which is not a date and time: send "
                    + "one in ISO 8601, in UTC, e.g. 2026-01-31T12:00:00Z");
        }
    }

    long offset() {
        return (long) page * size;
    }
}
