package io.easel.server.deployment.compiled;

/** The PMML holds something the compiler does not translate; the message says what, for the log. */
public final class NotCompilableException extends Exception {

    NotCompilableException(String reason) {
        super(reason, null, false, false);
    }
}
