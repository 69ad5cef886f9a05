package io.easel.engine.export;

/** A trained model could not be exported; fails the node that trained it. */
public final class ModelExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModelExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
