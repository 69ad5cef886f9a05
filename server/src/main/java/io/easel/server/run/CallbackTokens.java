package io.easel.server.run;

import io.easel.server.security.Secrets;

/**
 * The per-run secret an engine proves itself with on callbacks. Only its SHA-256 is stored; the token itself lives
 * in the server's memory until the engine is started with it. The callback endpoint checks it itself: engines do not
 * sign in as users.
 */
final class CallbackTokens {

    private CallbackTokens() {}

    static String newToken() {
        return Secrets.newSecret();
    }

    static String hash(String token) {
        return Secrets.hash(token);
    }

    static boolean matches(String presented, String storedHash) {
        return Secrets.matches(presented, storedHash);
    }
}
