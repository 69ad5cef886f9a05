package io.easel.server.run;

import io.easel.run.NodeState;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface NodeRunRepository extends JpaRepository<NodeRunEntity, NodeRunKey> {

    List<NodeRunEntity> findByKeyRunIdOrderByPosition(UUID runId);

    /** (run id, node id) of the experiment's nodes in this state, newest run first; no outputs are read. */
    @Query("select n.key.runId, n.key.nodeId from NodeRunEntity n, RunEntity r where r.id = n.key.runId "
            + "and r.experimentId = :experimentId and n.state = :state order by r.createdAt desc")
    List<Object[]> findRunAndNodeIds(UUID experimentId, NodeState state);

    List<NodeRunEntity> findByKeyRunIdIn(Collection<UUID> runIds);

    /** The nodes that reused the outputs of these runs (by run id), in any run. */
    List<NodeRunEntity> findByReusedFromIn(Collection<String> runIds);
    /** The node runs of several runs, in one query. */
    List<NodeRunEntity> findByKeyRunIdInOrderByPosition(Collection<UUID> runIds);
}
