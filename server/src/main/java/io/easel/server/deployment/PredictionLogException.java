package io.easel.server.deployment;

import io.easel.server.web.InvalidFieldException;

/** A prediction log request with a setting or query parameter Easel cannot use: 400, naming the field. */
public class PredictionLogException extends InvalidFieldException {

    private PredictionLogException(String field, String detail) {
        super("Invalid prediction log request", field, "field '" + field + "' " + detail);
    }

    static PredictionLogException invalidField(String field, String detail) {
        return new PredictionLogException(field, detail);
    }
}
