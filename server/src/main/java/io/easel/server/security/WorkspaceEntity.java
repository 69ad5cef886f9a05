package io.easel.server.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "workspaces")
class WorkspaceEntity {

    @Id
    private UUID id;

    private String slug;

    private String name;

    private Instant createdAt;

    protected WorkspaceEntity() {}

    WorkspaceEntity(String slug, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.createdAt = now;
    }

    UUID id() {
        return id;
    }

    String slug() {
        return slug;
    }

    WorkspaceRef ref() {
        return new WorkspaceRef(id, slug, name);
    }
}
