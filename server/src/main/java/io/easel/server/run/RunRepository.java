package io.easel.server.run;

import io.easel.run.RunState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RunRepository extends JpaRepository<RunEntity, UUID> {

    /**
     * The run, locked until the transaction ends: the engine's callbacks, the watchdog, the timeout and cancelling
     * change runs from different threads, and each must see what the one before it decided.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from RunEntity r where r.id = :id")
    Optional<RunEntity> lockById(UUID id);

    List<RunEntity> findByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    Optional<RunEntity> findFirstByExperimentIdOrderByCreatedAtDesc(UUID experimentId);

    /** The latest run of each of the experiments, in one query. */
    @Query("select r from RunEntity r where r.experimentId in :experimentIds and r.createdAt = "
            + "(select max(later.createdAt) from RunEntity later where later.experimentId = r.experimentId)")
    List<RunEntity> findLatestOf(Collection<UUID> experimentIds);

    List<RunEntity> findByStateIn(Collection<RunState> states);

    List<RunEntity> findByExperimentIdAndStateIn(UUID experimentId, Collection<RunState> states);

    @Query(value = "select id from runs where unregistered_models <> '[]'::jsonb", nativeQuery = true)
    List<UUID> findIdsWithUnregisteredModels();
}
