package io.easel.server.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ScheduledCanaryRepository extends JpaRepository<ScheduledCanaryEntity, UUID> {

    List<ScheduledCanaryEntity> findByPromoteAtLessThanEqualOrderByPromoteAt(Instant now);

    /** Claims a canary's promotion by removing it: exactly one of the replicas that try gets 1 and promotes. */
    @Transactional
    @Modifying
    @Query(value = "DELETE FROM scheduled_canaries WHERE run_id = :runId", nativeQuery = true)
    int claim(UUID runId);
}
