package io.easel.server.experiment;

import io.easel.server.web.InvalidFieldException;

/** Experiment fields that cannot be saved at all (unlike graph errors, which a draft may have); HTTP 400. */
public class InvalidExperimentException extends InvalidFieldException {

    public InvalidExperimentException(String field, String problem) {
        super("Invalid experiment", field, quoted(field, problem));
    }
}
