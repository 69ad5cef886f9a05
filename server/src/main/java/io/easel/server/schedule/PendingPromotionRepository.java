package io.easel.server.schedule;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface PendingPromotionRepository extends JpaRepository<PendingPromotionEntity, UUID> {

    List<PendingPromotionEntity> findAllByOrderByCreatedAt();

    /** Claims a promotion by removing it: exactly one of the replicas that try gets 1 and promotes. */
    @Transactional
    @Modifying
    @Query(value = "DELETE FROM pending_promotions WHERE run_id = :runId", nativeQuery = true)
    int claim(UUID runId);
}
