package io.easel.server.run;

import java.io.IOException;

/**
 * Starts the engine (a Spark driver) for one run. Without {@code easel.engine.spark-home} it is started as a child
 * process of the server ({@link SparkDriverLauncher}); with it, submitted through Spark's launcher API
 * ({@link SparkAppLauncher}); another bean of this type replaces both. The supervisor treats every
 * {@link RunningEngine} alike: when it ends without the run having ended, the run is reconciled from its
 * {@code status.json} or fails; cancelling, timing out and stopping the server stop it.
 */
public interface EngineLauncher {

    RunningEngine launch(EngineLaunch launch) throws IOException;
}
