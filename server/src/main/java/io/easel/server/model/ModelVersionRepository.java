package io.easel.server.model;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ModelVersionRepository extends JpaRepository<ModelVersionEntity, UUID> {

    Optional<ModelVersionEntity> findByModelIdAndVersion(UUID modelId, int version);

    /** Locks the version's row so that parallel first batch-score calls create its experiment once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<ModelVersionEntity> findForUpdateByModelIdAndVersion(UUID modelId, int version);

    Optional<ModelVersionEntity> findByRunIdAndNodeId(UUID runId, String nodeId);

    List<ModelVersionEntity> findByRunIdOrderByNodeId(UUID runId);

    List<ModelVersionEntity> findByModelIdOrderByVersion(UUID modelId);

    List<ModelVersionEntity> findByModelIdInOrderByVersion(Collection<UUID> modelIds);

    Optional<ModelVersionEntity> findFirstByModelIdOrderByVersionDesc(UUID modelId);

    @Query("select coalesce(max(v.version), 0) from ModelVersionEntity v where v.modelId = :modelId")
    int latestVersion(UUID modelId);

    /** Records the experiment the version's batch-score calls run from now on. */
    @Modifying
    @Transactional
    @Query("update ModelVersionEntity v set v.batchExperimentId = :experimentId "
            + "where v.modelId = :modelId and v.version = :version")
    void rememberBatchExperiment(UUID modelId, int version, UUID experimentId);
}
