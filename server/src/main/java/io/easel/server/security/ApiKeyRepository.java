package io.easel.server.security;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ApiKeyRepository extends JpaRepository<ApiKeyEntity, UUID> {

    List<ApiKeyEntity> findByWorkspaceIdOrderByCreatedAtDesc(UUID workspaceId);

    @Transactional
    @Modifying
    @Query("update ApiKeyEntity k set k.lastUsedAt = :now where k.id = :id")
    int recordUse(UUID id, Instant now);
}
