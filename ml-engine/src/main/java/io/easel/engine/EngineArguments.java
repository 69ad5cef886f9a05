package io.easel.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.engine.run.RunReuse;
import io.easel.run.DataRoots;
import io.easel.run.JdbcConnections;
import io.easel.run.RunScope;
import io.easel.run.WorkspaceLayout;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's command line.
 *
 * @param experiment where the experiment JSON is: a file path, or a {@code file:}, {@code hdfs:}, {@code http:} or
 *     {@code https:} URI
 * @param workspace the root of run workspaces; this run writes under {@code <workspace>/<runId>}
 * @param modelStore the root of the model store; this run writes under {@code <modelStore>/<runId>}
 * @param callbackUrl where events are posted, or null to only write them to the workspace
 * @param callbackToken the bearer token for the callback (and for an http experiment URL), or null
 * @param dataRoots where file sources may read ({@code --data-root}, repeated; {@code --samples} for the bundled
 *     samples directory; {@code --uploads-area} and {@code --uploads-workspace} for the run's own uploads); none
 *     when not given, so a run started by hand reads no files unless told where
 * @param connections the database connections the run's nodes name, from the environment variable
 *     {@value JdbcConnections#ENVIRONMENT_VARIABLE} (JSON; never an argument, so no password shows in a process
 *     listing or the Spark UI); none when it is not set
 * @param reuse which nodes reuse outputs stored by earlier runs: {@code --previous-run} names the latest earlier run
 *     of the same experiment (to say why a node runs again), {@code --force all} or {@code --force <nodeId>}
 *     (repeated) makes nodes run whatever the cache holds, {@code --cache-scope} names the runs that share stored
 *     outputs (the server's workspace id; {@value WorkspaceLayout#DEFAULT_CACHE_SCOPE} when not given),
 *     {@code --scope from|to|only --scope-node <id>} runs part of the graph ({@link RunScope}),
 *     {@code --cache-max-size <bytes>} bounds the cache (least recently used entries evicted beyond it)
 */
public record EngineArguments(String experiment, String runId, String workspace, String modelStore, URI callbackUrl,
        String callbackToken, DataRoots dataRoots, JdbcConnections connections, RunReuse reuse) {

    /** Read when {@code --callback-token} is absent, so the secret need not appear in a process listing. */
    public static final String TOKEN_VARIABLE = "EASEL_CALLBACK_TOKEN";

    public static final String USAGE = """
            Usage: EngineMain --experiment <path | file:// | hdfs:// | http(s):// URL> --run-id <id>
                              --workspace <file:// or hdfs:// URI> --model-store <file:// or hdfs:// URI>
                              [--callback-url <url> --callback-token <secret>]
                              [--data-root <path or URI>]... [--samples <path or URI>]
                              [--uploads-area <path or URI> --uploads-workspace <directory name>]
                              [--previous-run <run id>] [--force <all | node id>]... [--cache-scope <name>]
                              [--scope <from | to | only> --scope-node <node id>] [--cache-max-size <bytes>]
            The callback token may instead be given in the environment variable %s.
            File sources read only under the data roots (and the samples directory), and of the uploads area only
            the run's own workspace's directory ({uploads}).""".formatted(TOKEN_VARIABLE);

    private static final List<String> KNOWN = List.of("--experiment", "--run-id", "--workspace", "--model-store",
            "--callback-url", "--callback-token", "--data-root", "--samples", "--uploads-area", "--uploads-workspace",
            "--previous-run", "--force", "--cache-scope", "--scope", "--scope-node", "--cache-max-size");
    /** Arguments that may be given more than once. */
    private static final List<String> REPEATED = List.of("--data-root", "--force");

    /** @throws IllegalArgumentException naming the argument that is missing, unknown or malformed */
    public static EngineArguments parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        REPEATED.forEach(name -> repeated.put(name, new ArrayList<>()));
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("Unknown argument '" + name + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("Argument " + name + " needs a value");
            }
            if (REPEATED.contains(name)) {
                repeated.get(name).add(args[++i]);
            } else if (values.put(name, args[++i]) != null) {
                throw new IllegalArgumentException("Argument " + name + " is given twice");
            }
        }
        for (String required : List.of("--experiment", "--run-id", "--workspace", "--model-store")) {
            if (!values.containsKey(required) || values.get(required).isBlank()) {
                throw new IllegalArgumentException("Argument " + required + " is required");
            }
        }
        URI callback = null;
        String token = values.getOrDefault("--callback-token", environment.get(TOKEN_VARIABLE));
        if (values.containsKey("--callback-url")) {
            try {
                callback = URI.create(values.get("--callback-url"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--callback-url is not a URL: " + e.getMessage());
            }
            if (!"http".equals(callback.getScheme()) && !"https".equals(callback.getScheme())) {
                throw new IllegalArgumentException("--callback-url must be an http or https URL, not '" + callback
                        + "'");
            }
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("--callback-url needs --callback-token (or " + TOKEN_VARIABLE
                        + ")");
            }
        }
        DataRoots roots;
        try {
            roots = DataRoots.of(repeated.get("--data-root"), values.get("--samples"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--data-root or --samples: " + e.getMessage());
        }
        if (values.containsKey("--uploads-area") != values.containsKey("--uploads-workspace")) {
            throw new IllegalArgumentException("--uploads-area and --uploads-workspace go together");
        }
        if (values.containsKey("--uploads-area")) {
            try {
                roots = roots.withUploads(values.get("--uploads-area"), values.get("--uploads-workspace"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--uploads-area or --uploads-workspace: " + e.getMessage());
            }
        }
        return new EngineArguments(values.get("--experiment"), values.get("--run-id"), values.get("--workspace"),
                values.get("--model-store"), callback, token, roots,
                connections(environment.get(JdbcConnections.ENVIRONMENT_VARIABLE)),
                reuse(values, repeated.get("--force")));
    }

    private static RunReuse reuse(Map<String, String> values, List<String> forced) {
        RunScope runScope = runScope(values.get("--scope"), values.get("--scope-node"));
        long maxBytes;
        try {
            maxBytes = Long.parseLong(values.getOrDefault("--cache-max-size", "0"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--cache-max-size must be a number of bytes, not '"
                    + values.get("--cache-max-size") + "'");
        }
        try {
            boolean all = forced.contains(RunReuse.ALL);
            return new RunReuse(values.get("--previous-run"), all, all ? Set.of() : Set.copyOf(forced),
                    values.get("--cache-scope"), runScope, maxBytes);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--previous-run, --cache-scope or --cache-max-size: "
                    + e.getMessage());
        }
    }

    private static RunScope runScope(String kind, String node) {
        if (kind == null && node == null) {
            return RunScope.ALL;
        }
        try {
            return new RunScope(RunScope.Kind.fromJson(kind), node);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--scope and --scope-node: " + e.getMessage());
        }
    }

    private static JdbcConnections connections(String json) {
        if (json == null || json.isBlank()) {
            return JdbcConnections.none();
        }
        try {
            return new ObjectMapper().readValue(json, JdbcConnections.class);
        } catch (JsonProcessingException e) {
            // the message could quote the JSON, password included
            throw new IllegalArgumentException(JdbcConnections.ENVIRONMENT_VARIABLE + " is not the JSON of the "
                    + "run's connections");
        }
    }

    @Override
    public String toString() {
        // Never log the token.
        return "EngineArguments[experiment=" + experiment + ", runId=" + runId + ", workspace=" + workspace
                + ", modelStore=" + modelStore + ", callbackUrl=" + callbackUrl + ", dataRoots=" + dataRoots.uris()
                + ", connections=" + connections.names() + ", reuse=" + reuse + "]";
    }
}
