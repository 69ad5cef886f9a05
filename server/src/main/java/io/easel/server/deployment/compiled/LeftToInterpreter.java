package io.easel.server.deployment.compiled;

/**
 * Thrown by a compiled expression for a record only the interpreter answers as the interpreter does, e.g. a
 * comparison of a missing value, which JPMML refuses with an error of its own. {@link RecordProgram} catches it and
 * hands the record to the interpreter. One shared instance without a stack trace: it is cheap to throw.
 */
final class LeftToInterpreter extends RuntimeException {

    static final LeftToInterpreter INSTANCE = new LeftToInterpreter();

    private LeftToInterpreter() {
        super("left to the interpreter", null, false, false);
    }
}
