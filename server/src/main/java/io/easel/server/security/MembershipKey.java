package io.easel.server.security;

import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.util.UUID;

@Embeddable
record MembershipKey(UUID workspaceId, UUID userId) implements Serializable {}
