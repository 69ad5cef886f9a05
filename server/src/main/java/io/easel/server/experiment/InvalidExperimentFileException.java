package io.easel.server.experiment;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An experiment file that cannot be imported; HTTP 400 with every problem found, each at its JSON path. */
public class InvalidExperimentFileException extends ErrorResponseException {

    private final List<ImportProblem> problems;

    public InvalidExperimentFileException(List<ImportProblem> problems) {
        super(HttpStatus.BAD_REQUEST);
        this.problems = List.copyOf(problems);
        getBody().setTitle("Invalid experiment file");
        getBody().setDetail(problems.getFirst().message()
                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        getBody().setProperty("problems", this.problems);
    }

    public List<ImportProblem> problems() {
        return problems;
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
