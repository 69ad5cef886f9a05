package io.easel.server.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Configures {@code easel.engine.spark-home} as a directory whose {@code bin/spark-submit} is a shell script: a real
 * process started by Spark's {@code SparkLauncher}, standing in for spark-submit without Spark. It records its
 * arguments in its working directory (the run directory) and behaves as the experiment's first node label asks:
 * <ul>
 *   <li>{@code crash}: prints an error and exits with code 1 (a failed submission);</li>
 *   <li>{@code hand over}: exits 0 at once, as a standalone cluster-mode submission does, and a "driver" left behind
 *       writes {@code status.json} (all nodes succeeded, the credit GBDT exported to the model store) two seconds
 *       later; it never calls back.</li>
 * </ul>
 */
public final class FakeSparkHome implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /**
     * Shell lines that end run {@code $run} as its engine would: the credit GBDT exported to the model store and a
     * {@code status.json} saying every node succeeded, under Spark application id {@code $app_id}. Needs {@code $run},
     * {@code $workspace}, {@code $store}, {@code $app_id} and {@code local_path}; {@code $FAKE_MODEL_DIR} is filled in
     * by {@link #install}.
     */
    public static final String FINISH_RUN = """
            run_dir="$(local_path "$workspace")/$run"
            model_dir="$(local_path "$store")/$run/gbdt"
            mkdir -p "$run_dir" "$model_dir"
            cp "$FAKE_MODEL_DIR/model.pmml" "$FAKE_MODEL_DIR/model.json" "$model_dir/"
            cat > "$run_dir/status.json.tmp" <<JSON
            {"runId": "$run",
             "started": {"type": "run-started", "sparkAppId": "$app_id", "sparkUiUrl": null, "at": 1},
             "finished": {"type": "run-finished", "state": "succeeded", "message": "All 2 nodes succeeded", "at": 3},
             "nodes": [{"type": "node-status", "nodeId": "data", "state": "succeeded", "at": 2},
                       {"type": "node-status", "nodeId": "split", "state": "succeeded", "at": 2}],
             "models": [{"type": "model-exported", "nodeId": "gbdt", "port": "model",
                         "uri": "file:$model_dir/model.pmml", "at": 3}]}
            JSON
            mv "$run_dir/status.json.tmp" "$run_dir/status.json"
            """;

    static final String SCRIPT = """
            #!/bin/sh
            printf '%s\\n' "$@" > engine.args
            experiment=""; workspace=""; run=""; store=""
            while [ $# -gt 0 ]; do
              case "$1" in
                --experiment) experiment="$2" ;;
                --workspace) workspace="$2" ;;
                --run-id) run="$2" ;;
                --model-store) store="$2" ;;
              esac
              shift
            done
            local_path() { echo "$1" | sed -e 's#^file://##' -e 's#^file:##'; }
            experiment_file=$(local_path "$experiment")
            if grep -q '"label" *: *"crash"' "$experiment_file"; then
              echo "Fake spark-submit starting"
              echo "org.apache.spark.SparkException: boom, the fake submission failed"
              exit 1
            fi
            (
              sleep 2
              app_id=driver-20260101-0001
            """ + FINISH_RUN + """
            ) > /dev/null 2>&1 &
            echo "Submitted the driver of run $run to the cluster"
            exit 0
            """;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-data", "fake-spark-" + UUID.randomUUID()))
                    .toAbsolutePath();
            Path bin = Files.createDirectories(dir.resolve("spark").resolve("bin"));
            Path script = bin.resolve("spark-submit");
            install(script, SCRIPT);
            Path appJar = dir.resolve(SparkAppLauncher.APP_JAR);
            Files.write(appJar, new byte[0]); // handed to spark-submit, never opened
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fake-spark-home", Map.of(
                    "easel.engine.spark-home", dir.resolve("spark").toString(),
                    "easel.engine.app-jar", appJar.toString())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an executable shell script, the credit GBDT fixture's directory filled in for {@code $FAKE_MODEL_DIR}. */
    public static void install(Path script, String text) throws IOException {
        Files.writeString(script, text.replace("$FAKE_MODEL_DIR", modelFixture().toString()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path modelFixture() {
        try {
            return Path.of(FakeSparkHome.class.getResource("/models/credit-gbdt/model.pmml").toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
