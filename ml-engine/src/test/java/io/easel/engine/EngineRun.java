package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.components.ComponentRegistry;
import io.easel.engine.report.CallbackSender;
import io.easel.engine.report.EngineJson;
import io.easel.run.RunStatus;
import io.easel.run.NodeState;
import io.easel.run.PortResult;
import io.easel.run.RunEvent;
import io.easel.run.RunState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.SparkSession;

/**
 * An engine run of an experiment JSON file from the test resources, in-process on the shared session, exactly as
 * {@link EngineMain} runs it; and what it left behind in its workspace and model store.
 */
public record EngineRun(String runId, RunState state, Path workspace, Path modelStore) {

    private static final ObjectMapper JSON = EngineJson.mapper();

    /**
     * @param experimentResource e.g. {@code experiments/credit-scoring.json}; {@code ${dataDir}} in it is replaced
     *     by {@code dataDir}
     */
    public static EngineRun of(String experimentResource, String runId, Path root, URI callback) {
        try {
            Path workspace = Files.createDirectories(root.resolve("workspace"));
            Path modelStore = Files.createDirectories(root.resolve("models"));
            Path experiment = root.resolve(runId + ".json");
            Files.writeString(experiment, resource(experimentResource).replace("${dataDir}", root.toString()));
            List<String> args = new ArrayList<>(List.of("--experiment", experiment.toString(), "--run-id", runId,
                    "--workspace", workspace.toUri().toString(), "--model-store", modelStore.toUri().toString(),
                    "--data-root", root.toString()));
            if (callback != null) {
                args.addAll(List.of("--callback-url", callback.toString(), "--callback-token", "test-token"));
            }
            RunState state = Engine.withBuiltins(SharedSpark.session())
                    .run(EngineArguments.parse(args.toArray(String[]::new), Map.of()));
            return new EngineRun(runId, state, workspace, modelStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A run of an experiment given as JSON, by an engine with the given components, in the workspace and model store
     * under {@code root} (shared by every run there); {@code ${dataDir}} in it is replaced by {@code root}, which is
     * the run's data root.
     *
     * @param extraArguments more engine arguments ({@code --previous-run}, {@code --force} …)
     */
    public static EngineRun ofJson(String experimentJson, String runId, Path root, ComponentRegistry components,
            String... extraArguments) {
        return ofJson(experimentJson, runId, root, components, SharedSpark.session(), extraArguments);
    }

    /**
     * As {@link #ofJson(String, String, Path, ComponentRegistry, String...)}, on the given session (one of the shared
     * session's, with settings of its own).
     */
    public static EngineRun ofJson(String experimentJson, String runId, Path root, ComponentRegistry components,
            SparkSession session, String... extraArguments) {
        return ofJson(experimentJson, runId, root, components, session, () -> false, extraArguments);
    }

    /**
     * As {@link #ofJson(String, String, Path, ComponentRegistry, SparkSession, String...)}, cancelled when
     * {@code cancelled} says so (as the warm engine cancels a run; its jobs are the caller's to cancel).
     */
    public static EngineRun ofJson(String experimentJson, String runId, Path root, ComponentRegistry components,
            SparkSession session, BooleanSupplier cancelled, String... extraArguments) {
        try {
            Path workspace = Files.createDirectories(root.resolve("workspace"));
            Path modelStore = Files.createDirectories(root.resolve("models"));
            Path experiment = root.resolve(runId + ".json");
            Files.writeString(experiment, experimentJson.replace("${dataDir}", root.toString()));
            List<String> args = new ArrayList<>(List.of("--experiment", experiment.toString(), "--run-id", runId,
                    "--workspace", workspace.toUri().toString(), "--model-store", modelStore.toUri().toString(),
                    "--data-root", root.toString()));
            args.addAll(List.of(extraArguments));
            RunState state = new Engine(session, components, CallbackSender.Settings.defaults())
                    .run(EngineArguments.parse(args.toArray(String[]::new), Map.of()), cancelled);
            return new EngineRun(runId, state, workspace, modelStore);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String resource(String name) {
        try (InputStream in = EngineRun.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as("test resource %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path runDirectory() {
        return workspace.resolve(runId);
    }

    /** The events as the workspace log holds them. */
    public List<RunEvent> events() {
        try {
            List<RunEvent> events = new ArrayList<>();
            for (String line : Files.readAllLines(runDirectory().resolve("events.jsonl"))) {
                events.add(JSON.readValue(line, RunEvent.class));
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RunStatus status() {
        try {
            return JSON.readValue(runDirectory().resolve("status.json").toFile(), RunStatus.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The states a node went through, in order. */
    public List<NodeState> states(String nodeId) {
        return events().stream()
                .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.nodeId().equals(nodeId))
                .map(e -> ((RunEvent.NodeStatusChanged) e).state())
                .toList();
    }

    public Optional<RunEvent.NodeStatusChanged> lastStatus(String nodeId) {
        return events().stream()
                .filter(e -> e instanceof RunEvent.NodeStatusChanged s && s.nodeId().equals(nodeId))
                .map(RunEvent.NodeStatusChanged.class::cast)
                .reduce((first, second) -> second);
    }

    public PortResult output(String nodeId, String port) {
        return events().stream()
                .filter(e -> e instanceof RunEvent.NodeOutput o && o.nodeId().equals(nodeId) && o.port().equals(port))
                .map(e -> ((RunEvent.NodeOutput) e).result())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no output " + nodeId + "." + port + "; node states: "
                        + events().stream().filter(RunEvent.NodeStatusChanged.class::isInstance).toList()));
    }

    public List<RunEvent.ModelExported> exports() {
        return events().stream().filter(RunEvent.ModelExported.class::isInstance)
                .map(RunEvent.ModelExported.class::cast).toList();
    }

    /**
     * How long each node took, from when it started running to when it ended, in the order they started: what a
     * benchmark prints to show where a run's time went. A node reused from an earlier run counts its reporting.
     */
    public String nodeTimes() {
        Map<String, Long> started = new java.util.LinkedHashMap<>();
        Map<String, String> took = new java.util.LinkedHashMap<>();
        for (RunEvent event : events()) {
            if (event instanceof RunEvent.NodeStatusChanged s) {
                if (s.state() == NodeState.RUNNING) {
                    started.put(s.nodeId(), s.at());
                } else if (s.state().isFinal() && started.containsKey(s.nodeId())) {
                    took.put(s.nodeId(), (s.at() - started.get(s.nodeId())) + " ms"
                            + (s.reusedFrom() != null ? " (reused)" : ""));
                }
            }
        }
        return took.toString();
    }
}
