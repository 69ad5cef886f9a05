package io.easel.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * Requests Spring Security's firewall refuses (a form body whose field names carry line breaks, an encoded slash or a
 * NUL in the URL, a header with control characters) are bad input: 400 with a problem in words, never the 500 the
 * firewall's exception would otherwise become. What the client sent is not echoed. The firewall checks some things
 * before any handler runs (answered here) and form field names only once they are read, which Spring MVC does
 * while reading a form body ({@link ApiProblems} answers those).
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    static final String TITLE = "Bad request";
    static final String DETAIL = "The request was refused: its URL, a header or a form field name has characters "
            + "that are not allowed. Send JSON bodies with Content-Type: application/json.";

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            RequestRejectedException rejected) throws IOException {
        log.debug("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), rejected.getMessage());
        ProblemJson.write(response, HttpStatus.BAD_REQUEST, TITLE, DETAIL, request.getRequestURI());
    }
}
