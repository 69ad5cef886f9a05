package io.easel.engine.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns an exception into the sentence a user sees on a failed node: the messages down the cause chain, without
 * repetition and without stack traces (Spark puts executor stack traces into its messages; they go to the log).
 */
final class FailureMessage {

    private static final int MAX_LENGTH = 2000;
    private static final Pattern FRAME = Pattern.compile("^\\s*(at |\\.\\.\\. \\d+ (more|common frames omitted))");

    private FailureMessage() {}

    static String of(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String text = describe(t);
            if (text.isEmpty()) {
                continue;
            }
            boolean repeated = parts.stream().anyMatch(p -> p.contains(text));
            if (!repeated) {
                parts.add(text);
            }
        }
        String message = parts.isEmpty() ? failure.getClass().getSimpleName() : String.join("; caused by: ", parts);
        return message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "…" : message;
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        boolean wrapperOnly = t.getCause() != null
                && (message == null || message.isBlank() || message.equals(t.getCause().toString()));
        if (wrapperOnly) {
            return ""; // a wrapper without a message of its own: its cause says it
        }
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (line.startsWith("Driver stacktrace:")) {
                break;
            }
            if (!FRAME.matcher(line).find() && !line.isBlank()) {
                lines.add(line.trim());
            }
        }
        String text = String.join(" ", lines).replaceAll("\\s+", " ").trim();
        return mentionsType(t) ? t.getClass().getSimpleName() + ": " + text : text;
    }

    /**
     * I/O, class-loading and similar JDK messages are often a bare path or class name; the type says what happened
     * to it.
     */
    private static boolean mentionsType(Throwable t) {
        String pkg = t.getClass().getPackageName();
        return pkg.startsWith("java.io") || pkg.startsWith("java.nio") || pkg.startsWith("java.net")
                || t instanceof Error || t instanceof ReflectiveOperationException
                || t instanceof ArithmeticException || t instanceof NumberFormatException;
    }
}
