package io.easel.server.run;

import io.easel.run.RunEvent;
import java.util.UUID;

/**
 * Published synchronously (Spring application event) when the engine of a run reports a model written to the model
 * store; the model feature turns it into a model version of the run's workspace.
 *
 * @param experimentRevision the experiment revision the run ran; null for runs from before runs recorded it
 */
public record ModelExportedNotice(UUID workspaceId, UUID experimentId, String experimentName,
        Integer experimentRevision, UUID runId, RunEvent.ModelExported model) {

    /** A notice for a run whose experiment revision is not known. */
    public ModelExportedNotice(UUID workspaceId, UUID experimentId, String experimentName, UUID runId,
            RunEvent.ModelExported model) {
        this(workspaceId, experimentId, experimentName, null, runId, model);
    }
}
