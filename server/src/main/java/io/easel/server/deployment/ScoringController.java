package io.easel.server.deployment;

import io.easel.server.security.WorkspaceRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Scoring", description = "Predictions from deployed models, for raw records")
class ScoringController {

    private static final String ONE_RECORD = """
            {"checking_status": "<0", "duration": 6, "credit_history": "critical/other existing credit",
             "purpose": "radio/tv", "credit_amount": 1169, "savings_status": "no known savings", "employment": ">=7",
             "installment_commitment": 4, "personal_status": "male single", "other_parties": "none",
             "residence_since": 4, "property_magnitude": "real estate", "age": 67, "other_payment_plans": "none",
             "housing": "own", "existing_credits": 2, "job": "skilled", "num_dependents": 1, "own_telephone": "yes",
             "foreign_worker": "yes"}""";

    private static final String RESPONSE = """
            {"deployment": "credit-scoring-gbdt", "modelId": "0b7e4c1e-8d0c-4f5e-9a55-2d0c1f6f7a10", "modelVersion": 2,
             "predictions": [{"prediction": "good", "probabilities": {"good": 0.9047, "bad": 0.0953}, "score": 0.0953}],
             "warnings": []}""";

    /** Names the model version that answered, for clients and proxies that read headers only. */
    static final String MODEL_VERSION_HEADER = "Easel-Model-Version";

    private final ScoringService scoring;

    ScoringController(ScoringService scoring) {
        this.scoring = scoring;
    }

    @PostMapping(value = "/api/score/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/*+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Score raw records with a deployed model",
            description = """
                    The body is one JSON object of input fields (the raw columns the experiment read; see the \
                    deployment's `inputs`) or a JSON array of such objects. Every record is checked before any is \
                    scored: a missing field or a value of the wrong JSON type is a 400 naming the field; a value the \
                    model rejects (e.g. a category it never saw) is a 422 naming the field. Fields that are not model \
                    inputs are ignored and listed in `warnings`. An explicit null is a missing value, which the model \
                    may or may not be able to score (422 if not). Authenticate with an API key of the deployment's \
                    workspace: `Authorization: Bearer <key>`.

                    Limits: a body of at most `easel.limits.scoring-body` (16 MB; 413 beyond, refused before it is \
                    read when its length is declared), at most `easel.scoring.max-records` records (413 beyond, \
                    counted as they stream in), and `easel.limits.concurrent-scoring` requests at a time (429 with \
                    Retry-After once a request has waited `easel.limits.scoring-wait`).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(description = "One record (object of field → value) or a list of them",
                    oneOf = {Object.class, Object[].class}),
            examples = {@ExampleObject(name = "one record", value = ONE_RECORD),
                @ExampleObject(name = "several records", value = "[" + ONE_RECORD + ", " + ONE_RECORD + "]")}))
    @ApiResponse(responseCode = "200", description = "One prediction per record, in request order; `modelVersion` and "
            + "the " + MODEL_VERSION_HEADER + " header name the version that answered (while a canary runs, the "
            + "canary for its share of the requests)",
            headers = @Header(name = MODEL_VERSION_HEADER, description = "The model version that answered",
                    schema = @Schema(type = "integer")),
            content = @Content(schema = @Schema(implementation = ScoreResponse.class),
                    examples = @ExampleObject(value = RESPONSE)))
    @ApiResponse(responseCode = "400", description = "Empty body or list, malformed JSON, a record that is not an "
            + "object, a missing field or a value of the wrong type; the detail and `errors` name the field",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "404", description = "No deployment of that name in the workspace (an API key's own, "
            + "or the one the Easel-Workspace header names)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "413", description = "A body or a number of records beyond the limits",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "415", description = "A body that is not JSON (Content-Type: application/json)",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "422", description = "A value the model rejects, or a missing value it cannot score",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    @ApiResponse(responseCode = "429", description = "Too many scoring requests at once; retry after the time the "
            + "Retry-After header says", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE))
    ScoreResponse score(WorkspaceRef workspace, @PathVariable String name, InputStream body,
            HttpServletResponse answer) throws IOException {
        ScoreResponse scored = scoring.scoreJson(workspace, name, body);
        answer.setHeader(MODEL_VERSION_HEADER, Integer.toString(scored.modelVersion()));
        return scored;
    }
}
