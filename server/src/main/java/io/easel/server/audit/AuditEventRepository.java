package io.easel.server.audit;

import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface AuditEventRepository extends JpaRepository<AuditEventEntity, Long> {

    List<AuditEventEntity> findByIdLessThanOrderByIdDesc(long before, Limit limit);

    List<AuditEventEntity> findByActionAndIdLessThanOrderByIdDesc(AuditAction action, long before, Limit limit);
}
