package io.easel.server.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit log: sign-ins, failed sign-ins and every change that matters for security, kept in the database. A change
 * is recorded inside the transaction that makes it, so the log never claims a change that was rolled back. Who did it
 * is whoever is signed in on the calling thread; reading the log is for administrators (the security feature's
 * admin API checks that).
 */
@Service
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    static final String SYSTEM = "system";
    private static final int MAX_PAGE = 500;

    private final AuditEventRepository events;
    private final Clock clock = Clock.systemUTC();

    AuditLog(AuditEventRepository events) {
        this.events = events;
    }

    /** Records a change made by whoever is signed in on this thread. */
    @Transactional
    public void record(AuditAction action, UUID workspaceId, String target, String detail) {
        recordAs(actor(SecurityContextHolder.getContext().getAuthentication()), action, workspaceId, target, detail);
    }

    /** Records something done by (or tried as) {@code actor}, e.g. a failed sign-in, where nobody is signed in. */
    @Transactional
    public void recordAs(String actor, AuditAction action, UUID workspaceId, String target, String detail) {
        String who = actor == null || actor.isBlank() ? SYSTEM : truncate(actor, 200);
        events.save(new AuditEventEntity(clock.instant().truncatedTo(ChronoUnit.MICROS), who, action, workspaceId,
                truncate(target, 500), detail, remoteAddress()));
        log.info("Audit: {} {} {}{}", who, action.code(), target == null ? "" : target,
                detail == null ? "" : " (" + detail + ")");
    }

    /**
     * The newest entries first.
     *
     * @param action only this action, or null for all
     * @param before only entries older than this id, or null for the newest
     * @param limit at most this many (capped at {@value #MAX_PAGE})
     */
    @Transactional(readOnly = true)
    public List<AuditEntry> recent(AuditAction action, Long before, int limit) {
        Limit page = Limit.of(Math.max(1, Math.min(limit, MAX_PAGE)));
        long olderThan = before == null ? Long.MAX_VALUE : before;
        List<AuditEventEntity> found = action == null ? events.findByIdLessThanOrderByIdDesc(olderThan, page)
                : events.findByActionAndIdLessThanOrderByIdDesc(action, olderThan, page);
        return found.stream().map(AuditEventEntity::view).toList();
    }

    static String actor(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return SYSTEM;
        }
        return authentication.getName();
    }

    private static String remoteAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return truncate(request.getRemoteAddr(), 64);
        }
        return null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
