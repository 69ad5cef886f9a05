package io.easel.server.schedule;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface ScheduleRepository extends JpaRepository<ScheduleEntity, UUID> {

    List<ScheduleEntity> findByEnabledTrueAndNextFireAtLessThanEqualOrderByNextFireAt(Instant now);

    /**
     * Claims the firing due at {@code seen} by moving the schedule on to {@code next}: a compare-and-set, so of the
     * replicas (or ticks) that saw the same firing exactly one gets 1 and fires it; the others get 0.
     */
    @Transactional
    @Modifying
    @Query(value = """
            UPDATE experiment_schedules SET next_fire_at = :next
            WHERE experiment_id = :experimentId AND next_fire_at = :seen AND enabled""", nativeQuery = true)
    int claim(UUID experimentId, Instant seen, Instant next);

    /** What the firing at {@code firedAt} did: the run it started, or why it started none. */
    @Transactional
    @Modifying
    @Query(value = """
            UPDATE experiment_schedules SET last_fired_at = :firedAt, last_run_id = :runId, last_problem = :problem
            WHERE experiment_id = :experimentId""", nativeQuery = true)
    int recordFiring(UUID experimentId, Instant firedAt, UUID runId, String problem);
}
