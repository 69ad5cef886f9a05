package io.easel.server.web;

import java.io.IOException;

/**
 * A request body that grew past its endpoint's limit while it was read; the request is answered 413 and the rest of
 * the body is never read. An {@link IOException}, so that it travels through every reader (Jackson, Spring's message
 * converters) to {@link ApiProblems}.
 */
public class BodyTooLargeException extends IOException {

    private final long limit;

    BodyTooLargeException(long limit, String setting) {
        super("The request body is larger than the " + limit + " bytes this endpoint accepts (" + setting + ")");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
