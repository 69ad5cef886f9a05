package io.easel.server.deployment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A scoring request the model cannot take. 400 for a request that is malformed or does not match the inputs
 * (missing field, wrong JSON type), 413 for too many records, 422 for well-formed values the model rejects (an
 * unseen category). The detail
 * names every problem; the {@code errors} property lists them one by one for programs.
 */
public class ScoringRequestException extends ErrorResponseException {

    private final List<Problem> problems;

    ScoringRequestException(HttpStatus status, List<Problem> problems) {
        super(status);
        this.problems = List.copyOf(problems);
        getBody().setTitle(switch (status) {
            case BAD_REQUEST -> "Invalid scoring request";
            case CONTENT_TOO_LARGE -> "Too many records";
            default -> "Values the model rejects";
        });
        getBody().setDetail(problems.stream().map(Problem::message).collect(Collectors.joining("; ")));
        getBody().setProperty("errors", this.problems);
    }

    static ScoringRequestException badRequest(String message) {
        return new ScoringRequestException(HttpStatus.BAD_REQUEST, List.of(new Problem(null, null, message)));
    }

    public List<Problem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }

    /**
     * @param record 1-based position in a list of records, or null for a single record / the whole request
     * @param field the input field concerned, or null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(Integer record, String field, String message) {}
}
