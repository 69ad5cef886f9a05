package io.easel.server.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "audit_events")
class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant at;

    private String actor;

    @Enumerated(EnumType.STRING)
    private AuditAction action;

    private UUID workspaceId;

    private String target;

    private String detail;

    private String remoteAddress;

    protected AuditEventEntity() {}

    AuditEventEntity(Instant at, String actor, AuditAction action, UUID workspaceId, String target, String detail,
            String remoteAddress) {
        this.at = at;
        this.actor = actor;
        this.action = action;
        this.workspaceId = workspaceId;
        this.target = target;
        this.detail = detail;
        this.remoteAddress = remoteAddress;
    }

    AuditEntry view() {
        return new AuditEntry(id, at, actor, action, workspaceId, target, detail, remoteAddress);
    }
}
