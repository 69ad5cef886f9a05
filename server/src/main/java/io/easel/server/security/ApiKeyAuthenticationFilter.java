package io.easel.server.security;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates REST requests that carry {@code Authorization: Bearer easel_…}. A key that is unknown or revoked
 * leaves the request unauthenticated even if it also has a session, so it is answered 401 (and the refusal is
 * audited). Other bearer tokens (the engine's run tokens) are left to whoever expects them.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** Request attribute: why a presented key was refused, for the 401's detail. */
    static final String REFUSED = ApiKeyAuthenticationFilter.class.getName() + ".refused";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final AuditLog audit;

    ApiKeyAuthenticationFilter(ApiKeyService keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            if (ApiKeyService.looksLikeKey(token)) {
                // Looked up per request: the studio's Vaadin installs its own JVM-wide strategy after this filter is
                // made, and everything that reads the sign-in later must find it where this puts it.
                SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
                Optional<ApiKeyPrincipal> key = keys.authenticate(token);
                SecurityContext context = contexts.createEmptyContext();
                if (key.isPresent()) {
                    context.setAuthentication(new ApiKeyAuthentication(key.get()));
                } else {
                    request.setAttribute(REFUSED, "This API key is unknown or has been revoked");
                    audit.recordAs("api-key:" + ApiKeyService.keyIdOf(token), AuditAction.SIGN_IN_FAILED, null,
                            request.getRequestURI(), "unknown or revoked API key");
                }
                contexts.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
