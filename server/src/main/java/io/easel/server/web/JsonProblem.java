package io.easel.server.web;

import java.util.stream.Collectors;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Says what is wrong with a request body in one sentence, naming the JSON path, without Java internals. */
final class JsonProblem {

    private JsonProblem() {}

    static String describe(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause instanceof DatabindException bind) {
            String path = bind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String why = rootMessage(bind);
            return path.isEmpty() ? why : "at '" + path + "': " + why;
        }
        if (cause instanceof JacksonException json) {
            return json.getOriginalMessage();
        }
        if (ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "the body is missing";
        }
        return "it could not be read";
    }

    /** The innermost message: a record constructor's own words ("from" must not be null) say the most. */
    private static String rootMessage(DatabindException bind) {
        Throwable deepest = bind;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        if (deepest instanceof JacksonException json) {
            return json.getOriginalMessage();
        }
        String message = deepest.getMessage();
        if (deepest instanceof NullPointerException && message != null && !message.contains(" ")) {
            return "'" + message + "' is required";
        }
        return message == null ? deepest.getClass().getSimpleName() : message;
    }
}
