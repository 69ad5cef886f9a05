package io.easel.server.run;

import io.easel.run.RunEvent;
import java.util.UUID;

/**
 * Published synchronously (Spring application event) when the engine of a run reports a model written to the model
 * store; the model feature turns it into a model version of the run's workspace.
 */
public record ModelExportedNotice(UUID workspaceId, UUID experimentId, String experimentName, UUID runId,
        RunEvent.ModelExported model) {}
