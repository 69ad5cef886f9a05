package io.easel.engine.run;

import io.easel.run.WorkspaceLayout;
import java.util.Objects;
import org.apache.hadoop.fs.Path;

/**
 * The {@link WorkspaceLayout} of one run, resolved against this engine's workspace and model store roots.
 */
public record RunLayout(String runId, Path workspace, Path modelStore) {

    public RunLayout {
        WorkspaceLayout.checkRunId(runId);
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(modelStore, "modelStore");
    }

    public Path runDirectory() {
        return new Path(workspace, runId);
    }

    public Path events() {
        return new Path(workspace, WorkspaceLayout.events(runId));
    }

    public Path log() {
        return new Path(workspace, WorkspaceLayout.log(runId));
    }

    public Path status() {
        return new Path(workspace, WorkspaceLayout.status(runId));
    }

    public Path tableOutput(String nodeId, String port) {
        return new Path(workspace, WorkspaceLayout.tableOutput(runId, nodeId, port));
    }

    public Path modelDirectory(String nodeId, String port, boolean nodeHasOneModelPort) {
        return new Path(modelStore, WorkspaceLayout.modelDirectory(runId, nodeId, port, nodeHasOneModelPort));
    }
}
