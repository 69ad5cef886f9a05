package io.easel.server.run;

import io.easel.graph.ValidationError;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A run refused because the experiment does not validate; answered as HTTP 422 with the errors, each placed on its
 * node, param and port.
 */
public class InvalidGraphException extends ErrorResponseException {

    private final List<ValidationError> errors;

    public InvalidGraphException(List<ValidationError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT);
        this.errors = List.copyOf(errors);
        getBody().setTitle("Experiment is not runnable");
        getBody().setDetail("The experiment has " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s")
                + " to fix before it can run: " + errors.get(0).message()
                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        getBody().setProperty("errors", this.errors.stream().map(ProblemError::of).toList());
    }

    public List<ValidationError> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /** One error with every key present (null where it does not apply), so clients can rely on the shape. */
    record ProblemError(String nodeId, String param, String port, String code, String message) {

        static ProblemError of(ValidationError e) {
            return new ProblemError(e.nodeId(), e.param(), e.port(), e.code().name(), e.message());
        }
    }
}
