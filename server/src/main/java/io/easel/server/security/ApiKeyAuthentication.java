package io.easel.server.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API key. */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    static final String ROLE_API_KEY = "ROLE_API_KEY";

    private final ApiKeyPrincipal key;

    ApiKeyAuthentication(ApiKeyPrincipal key) {
        super(List.of(new SimpleGrantedAuthority(ROLE_API_KEY)));
        this.key = key;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return ""; // the key itself is never kept
    }

    @Override
    public ApiKeyPrincipal getPrincipal() {
        return key;
    }

    @Override
    public String getName() {
        return key.name();
    }
}
