package io.easel.server.model;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ModelRepository extends JpaRepository<ModelEntity, UUID> {

    /** Creates the model of (experiment, node) unless it exists; safe when two runs export it at once. */
    @Modifying
    @Query(value = """
            INSERT INTO models (id, workspace_id, name, experiment_id, node_id, created_at)
            VALUES (:id, :workspaceId, :name, :experimentId, :nodeId, :createdAt)
            ON CONFLICT (experiment_id, node_id) DO NOTHING""", nativeQuery = true)
    void insertIfAbsent(UUID id, UUID workspaceId, String name, UUID experimentId, String nodeId, Instant createdAt);

    List<ModelEntity> findByWorkspaceIdOrderByCreatedAtDesc(UUID workspaceId);

    /** Locks the model row so that concurrent exports number their versions one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<ModelEntity> findForUpdateByExperimentIdAndNodeId(UUID experimentId, String nodeId);
}
