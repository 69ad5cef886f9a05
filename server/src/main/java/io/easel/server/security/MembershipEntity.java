package io.easel.server.security;

import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "workspace_members")
class MembershipEntity {

    @EmbeddedId
    private MembershipKey key;

    @Convert(converter = WorkspaceRoleColumn.class)
    private WorkspaceRole role;

    protected MembershipEntity() {}

    MembershipEntity(UUID workspaceId, UUID userId, WorkspaceRole role) {
        this.key = new MembershipKey(workspaceId, userId);
        this.role = role;
    }

    UUID workspaceId() {
        return key.workspaceId();
    }

    UUID userId() {
        return key.userId();
    }

    WorkspaceRole role() {
        return role;
    }

    void changeRole(WorkspaceRole role) {
        this.role = role;
    }
}
