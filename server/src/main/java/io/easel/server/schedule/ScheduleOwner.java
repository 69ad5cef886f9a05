package io.easel.server.schedule;

import io.easel.server.security.EaselUser;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The user a schedule acts as. Only the id counts: {@link io.easel.server.security.Access} reads their roles from the
 * database at every call, so an owner who lost the analyst role (or was disabled) makes the schedule's runs and
 * promotions fail as theirs would. The name is what the audit log writes. Schedules, pending promotions and
 * scheduled canaries each store it in the same two columns.
 */
@Embeddable
record ScheduleOwner(@Column(name = "owner_id") UUID userId, @Column(name = "owner_name") String username)
        implements EaselUser, AuthenticatedPrincipal {

    @Override
    public String getName() {
        return username;
    }

    /** Does {@code work} signed in as the owner on this thread, then restores who was signed in before. */
    <T> T act(Supplier<T> work) {
        SecurityContext before = SecurityContextHolder.getContext();
        SecurityContext asOwner = SecurityContextHolder.createEmptyContext();
        asOwner.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(this, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(asOwner);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
