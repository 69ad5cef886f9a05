package io.easel.server.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How runs are launched ({@code easel.engine.*}).
 *
 * @param home the engine directory (easel-ml-engine.jar + lib/); null to look for {@code ml-engine/target/engine}
 *     and {@code ../ml-engine/target/engine} from the working directory
 * @param master the Spark master URL
 * @param driverMemory the driver JVM's heap ({@code -Xmx} / {@code --driver-memory})
 * @param sparkConf extra {@code --conf key=value} pairs
 * @param sparkSubmit a real {@code spark-submit} to use instead of starting the driver from the engine's own jars
 * @param workspace where runs keep their intermediate outputs (a Hadoop FileSystem URI); null for
 *     {@code file:<data-dir>/runs}
 * @param timeout how long a run may take before its engine is stopped
 * @param maxConcurrentRuns engines running at once; further runs wait, queued
 * @param callbackUrl the server's base URL as the engine reaches it; null for {@code http://127.0.0.1:<port>}
 * @param java the java executable for the driver; null for the one running the server
 */
@ConfigurationProperties("easel.engine")
public record EngineProperties(
        Path home,
        @DefaultValue("local[*]") String master,
        @DefaultValue("2g") String driverMemory,
        Map<String, String> sparkConf,
        Path sparkSubmit,
        String workspace,
        @DefaultValue("2h") Duration timeout,
        @DefaultValue("2") int maxConcurrentRuns,
        String callbackUrl,
        Path java) {

    public EngineProperties {
        sparkConf = sparkConf == null ? Map.of() : Map.copyOf(sparkConf);
        if (maxConcurrentRuns < 1) {
            throw new IllegalArgumentException("easel.engine.max-concurrent-runs must be at least 1, not "
                    + maxConcurrentRuns);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("easel.engine.timeout must be positive, not " + timeout);
        }
    }
}
