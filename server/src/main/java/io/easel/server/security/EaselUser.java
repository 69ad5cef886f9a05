package io.easel.server.security;

import java.util.UUID;

/**
 * The principal of a signed-in person, however they signed in (password or identity provider). Only the id is
 * trusted from the session: what the user may do is read from the database on every request, so disabling a user or
 * changing their roles takes effect at once.
 */
public interface EaselUser {

    UUID userId();
}
