package io.easel.server.security;

import io.easel.server.web.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * The REST API's answers when the security filters refuse a request, as RFC 9457 problem JSON like every other error
 * of the API: 401 without (valid) credentials, 403 for a refused CSRF token. The 401 challenges with
 * {@code Bearer} only, so browsers never pop up a password dialog (and never cache Basic credentials that a
 * cross-site request could then carry).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String SIGN_IN_DETAIL = "Sign in first: send an API key as 'Authorization: Bearer <key>', a user "
            + "name and password as HTTP Basic, or the session cookie of a signed-in browser";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException why)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"easel\"");
        write(response, HttpStatus.UNAUTHORIZED, "Sign-in required", detail(request, why), request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException why)
            throws IOException {
        String detail = why instanceof CsrfException
                ? "This browser session's request lacks a valid CSRF token: send the XSRF-TOKEN cookie's value in "
                        + "the X-XSRF-TOKEN header (scripts should use an API key instead of a session)"
                : "You are not allowed to do this";
        write(response, HttpStatus.FORBIDDEN, "Not allowed", detail, request);
    }

    private static String detail(HttpServletRequest request, AuthenticationException why) {
        Object refused = request.getAttribute(ApiKeyAuthenticationFilter.REFUSED);
        if (refused instanceof String reason) {
            return reason;
        }
        return why instanceof org.springframework.security.authentication.BadCredentialsException
                ? "Wrong user name or password" : SIGN_IN_DETAIL;
    }

    static void write(HttpServletResponse response, HttpStatus status, String title, String detail,
            HttpServletRequest request) throws IOException {
        ProblemJson.write(response, status, title, detail, request.getRequestURI());
    }
}
