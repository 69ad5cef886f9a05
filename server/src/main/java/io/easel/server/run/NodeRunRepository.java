package io.easel.server.run;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeRunRepository extends JpaRepository<NodeRunEntity, NodeRunKey> {

    List<NodeRunEntity> findByKeyRunIdOrderByPosition(UUID runId);

    /** The node runs of several runs, in one query. */
    List<NodeRunEntity> findByKeyRunIdInOrderByPosition(Collection<UUID> runIds);
}
