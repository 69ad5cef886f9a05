package io.easel.server.model;

import io.easel.server.web.InvalidFieldException;

/** A batch scoring request that names no usable input or output; HTTP 400, naming the field. */
class BatchScoreRequestException extends InvalidFieldException {

    BatchScoreRequestException(String field, String problem) {
        super("Invalid batch scoring request", field, quoted(field, problem));
    }
}
