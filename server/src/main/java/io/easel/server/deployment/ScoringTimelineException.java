package io.easel.server.deployment;

import io.easel.server.web.InvalidFieldException;

/** A request for a deployment's recent figures with a parameter out of range: 400, naming the field. */
public class ScoringTimelineException extends InvalidFieldException {

    ScoringTimelineException(String field, String detail) {
        super("Invalid figures request", field, "field '" + field + "' " + detail);
    }
}
