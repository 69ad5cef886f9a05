package io.easel.server.security;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    List<ApiKeyEntity> findByWorkspaceIdOrderByCreatedAtDesc(UUID workspaceId);
}
