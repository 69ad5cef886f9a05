package io.easel.server.audit;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Sign-ins and failed sign-ins, from Spring Security's own events. A sign-in is an interactive one (the login form or
 * the identity provider), not every REST request that carries a password; a failure is any refused password, whether
 * from the form or a REST request, so guessing shows up in the log.
 */
@Component
class SignInAudit {

    private final AuditLog audit;

    SignInAudit(AuditLog audit) {
        this.audit = audit;
    }

    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        audit.recordAs(event.getAuthentication().getName(), AuditAction.SIGN_IN, null, null,
                event.getGeneratedBy().getSimpleName().replace("AuthenticationFilter", "").replace("Filter", ""));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String tried = event.getAuthentication() == null ? null : event.getAuthentication().getName();
        audit.recordAs(tried == null || tried.isBlank() ? "unknown" : tried, AuditAction.SIGN_IN_FAILED, null, null,
                event.getException().getMessage());
    }
}
