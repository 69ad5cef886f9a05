package io.easel.server.security;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A user who signs in with a password (the login form, or HTTP Basic on the REST API). */
record PasswordUser(UUID userId, String username, String passwordHash, boolean enabled, boolean admin)
        implements UserDetails, EaselUser {

    static final String ROLE_USER = "ROLE_USER";
    /** What Vaadin's {@code @RolesAllowed("ADMIN")} checks. */
    static final String ROLE_ADMIN = "ROLE_ADMIN";

    static PasswordUser of(UserEntity user) {
        return new PasswordUser(user.id(), user.username(), user.passwordHash(), user.enabled(), user.admin());
    }

    static List<GrantedAuthority> authorities(boolean admin) {
        return admin ? List.of(new SimpleGrantedAuthority(ROLE_USER), new SimpleGrantedAuthority(ROLE_ADMIN))
                : List.of(new SimpleGrantedAuthority(ROLE_USER));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(admin);
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "PasswordUser[" + username + "]"; // never the hash
    }
}
