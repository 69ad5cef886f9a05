package io.easel.server.run;

import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "node_runs")
class NodeRunEntity {

    @EmbeddedId
    private NodeRunKey key;

    /** The node's place in the graph, so views list nodes as the graph does. */
    private int position;

    @Enumerated(EnumType.STRING)
    private NodeState state;

    private String message;

    private String reusedFrom;

    private String rerunReason;

    private Instant startedAt;

    private Instant finishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private NodeOutputs outputs;

    protected NodeRunEntity() {}

    NodeRunEntity(UUID runId, String nodeId, int position) {
        this.key = new NodeRunKey(runId, nodeId);
        this.position = position;
        this.state = NodeState.QUEUED;
        this.outputs = NodeOutputs.none();
    }

    UUID runId() {
        return key.runId();
    }

    String nodeId() {
        return key.nodeId();
    }

    int position() {
        return position;
    }

    NodeState state() {
        return state;
    }

    String message() {
        return message;
    }

    Instant startedAt() {
        return startedAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }

    String reusedFrom() {
        return reusedFrom;
    }

    NodeOutputs outputs() {
        return outputs;
    }

    void changeState(NodeState newState, String why, Instant at) {
        if (state.isFinal() && newState != state) {
            return; // a finished node stays finished (events may arrive after a cancel)
        }
        state = newState;
        message = why;
        if (newState == NodeState.RUNNING && startedAt == null) {
            startedAt = at;
        }
        if (newState.isFinal()) {
            finishedAt = at;
        }
    }

    /** A status event: the state, and which run the node reused or why it ran again. */
    void changeState(RunEvent.NodeStatusChanged status, Instant at) {
        changeState(status.state(), status.message(), at);
        if (state == status.state()) {
            reusedFrom = status.reusedFrom();
            rerunReason = status.rerunReason();
        }
    }

    void output(String port, PortResult result) {
        outputs = outputs.with(port, result);
    }

    NodeRunView view() {
        return new NodeRunView(key.nodeId(), state, message, startedAt, finishedAt, reusedFrom, rerunReason);
    }
}
