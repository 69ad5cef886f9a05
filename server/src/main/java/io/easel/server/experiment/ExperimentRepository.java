package io.easel.server.experiment;

import java.time.Instant;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ExperimentRepository extends JpaRepository<ExperimentEntity, UUID> {

    /**
     * One query for the whole list, whatever its length.
     *
     * @param search lower case; '' for all
     * @param sort {@code modified}, {@code name} or {@code owner}
     */
    @Query(value = """
            SELECT * FROM experiments e
            WHERE e.workspace_id = :workspace AND (e.deleted_at IS NOT NULL) = :trash
              AND (:search = '' OR strpos(lower(e.name), :search) > 0
                   OR strpos(lower(coalesce(e.description, '')), :search) > 0
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements_text(e.tags) tag WHERE strpos(lower(tag), :search) > 0))
            ORDER BY CASE :sort WHEN 'name' THEN lower(e.name) WHEN 'owner' THEN lower(coalesce(e.owner, '')) END,
                     e.updated_at DESC""", nativeQuery = true)
    List<ExperimentEntity> search(UUID workspace, boolean trash, String search, String sort);

    List<ExperimentEntity> findByDeletedAtBefore(Instant cutoff);

    /**
     * The experiment, locked until the transaction ends: concurrent saves of one experiment queue here, so the second
     * sees the first's version (and is refused as stale) before either writes a revision.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select e from ExperimentEntity e where e.id = :id")
    Optional<ExperimentEntity> lockById(UUID id);
}
