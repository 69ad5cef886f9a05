package io.easel.server.run;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeRunRepository extends JpaRepository<NodeRunEntity, NodeRunKey> {

    List<NodeRunEntity> findByKeyRunIdOrderByPosition(UUID runId);
}
