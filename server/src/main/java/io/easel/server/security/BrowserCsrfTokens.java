package io.easel.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

/**
 * CSRF tokens for the pages of a signed-in browser, as Spring's {@code csrf().spa()} hands them out (every response
 * carries the {@code XSRF-TOKEN} cookie; the page echoes it as a header), except to requests with their own
 * {@code Authorization} header: those never need a token (see {@link ApiSecurityConfiguration}), so none is made for
 * them: no random token and no cookie on every scoring response.
 */
final class BrowserCsrfTokens implements CsrfTokenRequestHandler {

    /** Loads (and so issues) the token on every request, as the SPA handling does. */
    private final XorCsrfTokenRequestAttributeHandler eager = new XorCsrfTokenRequestAttributeHandler();
    /** Loads the token only if something asks for it. */
    private final XorCsrfTokenRequestAttributeHandler deferred = new XorCsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();

    BrowserCsrfTokens() {
        eager.setCsrfRequestAttributeName(null);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        (request.getHeader(HttpHeaders.AUTHORIZATION) != null ? deferred : eager).handle(request, response, token);
    }

    /** A token echoed in the header is the cookie's raw value; one in a form parameter is masked (BREACH). */
    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        return (StringUtils.hasText(request.getHeader(token.getHeaderName())) ? plain : eager)
                .resolveCsrfTokenValue(request, token);
    }
}
