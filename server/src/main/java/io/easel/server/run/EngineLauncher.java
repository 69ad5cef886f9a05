package io.easel.server.run;

import java.io.IOException;

/**
 * Starts the engine (a Spark driver) for one run. The default starts it as a child process of the server; another
 * bean of this type replaces it (for a cluster manager, say). The returned process is watched: when it exits without
 * having reported the end of the run, the run fails, and cancelling or timing out destroys it and its descendants.
 */
public interface EngineLauncher {

    Process launch(EngineLaunch launch) throws IOException;
}
