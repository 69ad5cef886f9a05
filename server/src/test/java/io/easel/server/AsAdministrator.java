package io.easel.server;

import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * For tests that call the feature services directly, as the studio's views do: each test method runs signed in as the
 * test server's first administrator, found by the server's own user look-up. Awaitility then polls on the test's
 * thread, which holds the sign-in.
 */
public final class AsAdministrator implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        SecurityContextHolder.setContext(signedIn(SpringExtension.getApplicationContext(context), Api.ADMIN));
        Awaitility.pollInSameThread();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        SecurityContextHolder.clearContext();
        Awaitility.reset();
    }

    /** Does {@code work} signed in as {@code username} of the server {@code server}. */
    public static <T> T as(ApplicationContext server, String username, Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(signedIn(server, username));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private static SecurityContext signedIn(ApplicationContext server, String username) {
        UserDetails user = server.getBean(UserDetailsService.class).loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        return context;
    }
}
