package io.easel.server.run;

import io.easel.run.NodeState;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeRunRepository extends JpaRepository<NodeRunEntity, NodeRunKey> {

    List<NodeRunEntity> findByKeyRunIdOrderByPosition(UUID runId);

    /** The nodes in one of these states of these runs. */
    List<NodeRunEntity> findByStateAndKeyRunIdIn(NodeState state, Collection<UUID> runIds);

    List<NodeRunEntity> findByKeyRunIdIn(Collection<UUID> runIds);

    /** The nodes that reused the outputs of these runs (by run id), in any run. */
    List<NodeRunEntity> findByReusedFromIn(Collection<String> runIds);
    /** The node runs of several runs, in one query. */
    List<NodeRunEntity> findByKeyRunIdInOrderByPosition(Collection<UUID> runIds);
}
