package io.easel.server.web;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the REST API as RFC 9457 problem JSON. Spring MVC's own exceptions and every
 * {@link org.springframework.web.ErrorResponseException} (the features' not-found, conflict and invalid-graph
 * exceptions extend it) come through {@link ResponseEntityExceptionHandler}; this class adds readable details for bad
 * request bodies and turns anything unexpected into a 500 without a stack trace.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    /** PostgreSQL's data exceptions a request can cause: text with NUL, text too long, numbers out of range. */
    private static final Set<String> UNSTORABLE = Set.of("22P05", "22021", "22001", "22003");

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Optional<BodyTooLargeException> tooLarge = cause(ex, BodyTooLargeException.class);
        if (tooLarge.isPresent()) {
            return bodyTooLarge(tooLarge.get(), request);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON for this endpoint: " + JsonProblem.describe(ex));
        problem.setTitle("Malformed request body");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(BodyTooLargeException.class)
    ResponseEntity<Object> bodyTooLarge(BodyTooLargeException ex, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
        problem.setTitle("Request body too large");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.CONTENT_TOO_LARGE, request);
    }

    /** The security firewall refused the names of a form body's fields, read only now (see RejectedRequests). */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Object> rejected(RequestRejectedException ex, WebRequest request) {
        log.debug("Refused {}: {}", request.getDescription(false), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, RejectedRequests.DETAIL);
        problem.setTitle(RejectedRequests.TITLE);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** The database cannot take a value the request carries: the request's fault, said without SQL. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> unstorable(DataIntegrityViolationException ex, WebRequest request) {
        Optional<SQLException> sql = cause(ex, SQLException.class);
        if (sql.isEmpty() || !UNSTORABLE.contains(sql.get().getSQLState())) {
            return unexpected(ex, request);
        }
        String detail = switch (sql.get().getSQLState()) {
            case "22001" -> "A text in the request is longer than Easel stores";
            case "22003" -> "A number in the request is out of the range Easel stores";
            default -> "A text in the request holds a NUL character (\\u0000) or another character Easel cannot "
                    + "store";
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Value cannot be stored");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Every database connection is busy (a burst beyond the pool): the client should come back shortly. */
    @ExceptionHandler({CannotCreateTransactionException.class, CannotGetJdbcConnectionException.class})
    ResponseEntity<Object> databaseBusy(Exception ex, WebRequest request) {
        log.warn("No database connection for {}: {}", request.getDescription(false), ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Easel is busy; try again in a few seconds");
        problem.setTitle("Busy");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "5");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** A statement ran past the database's time limit (statement_timeout) and was cancelled. */
    @ExceptionHandler({org.springframework.dao.QueryTimeoutException.class,
        jakarta.persistence.QueryTimeoutException.class})
    ResponseEntity<Object> databaseTooSlow(Exception ex, WebRequest request) {
        log.warn("A database statement for {} ran past its time limit: {}", request.getDescription(false),
                ex.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database took too long to answer; try again later");
        problem.setTitle("Busy");
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "30");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
    }

    /** The first cause of {@code thrown} (itself included) that is a {@code type}. */
    static <T extends Throwable> Optional<T> cause(Throwable thrown, Class<T> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var fields = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldProblem(e.getField(), e.getDefaultMessage()))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, fields.stream()
                .map(f -> "'" + f.field() + "' " + f.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid"));
        problem.setTitle("Invalid request");
        problem.setProperty("fields", fields);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error answering {}", request.getDescription(false), ex);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong inside Easel; the server log has the details");
        problem.setTitle("Internal error");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    record FieldProblem(String field, String message) {}
}
