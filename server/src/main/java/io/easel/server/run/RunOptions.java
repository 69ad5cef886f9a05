package io.easel.server.run;

import io.easel.run.RunScope;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * How a run treats the node outputs earlier runs stored in the workspace (docs/configuration.md, "Incremental
 * runs").
 *
 * @param previousRun the latest earlier run of the same experiment, which the engine compares with to say why a node
 *     ran again; null for an experiment's first run
 * @param forceAll every node runs, none reuses ("force re-run")
 * @param forcedNodes these nodes run whatever was stored (their descendants may still reuse)
 * @param cacheScope the workspace whose runs share stored outputs with this one: outputs never cross workspaces
 * @param scope which nodes run: all of them, or from, to or only a node (docs/run-outputs.md, "Run scope")
 * @param cacheMaxBytes the size limit of the cache ({@code easel.cache.max-size}) the run keeps it within when it
 *     ends; 0 for none
 */
public record RunOptions(UUID previousRun, boolean forceAll, List<String> forcedNodes, UUID cacheScope,
        RunScope scope, long cacheMaxBytes) {

    public RunOptions {
        forcedNodes = forcedNodes == null ? List.of() : List.copyOf(forcedNodes);
        scope = scope == null ? RunScope.ALL : scope;
    }

    /** Every node, reusing wherever possible, with no earlier run to compare with. */
    public static RunOptions reuse() {
        return new RunOptions(null, false, List.of(), null, RunScope.ALL, 0);
    }

    /** Every node of the scope, reusing wherever possible. */
    public static RunOptions of(RunScope scope) {
        return new RunOptions(null, false, List.of(), null, scope, 0);
    }

    /** These options for a run of {@code workspace} that follows {@code previous}, with the cache's size limit. */
    RunOptions after(UUID previous, UUID workspace, long cacheLimit) {
        return new RunOptions(previous, forceAll, forcedNodes, workspace, scope, cacheLimit);
    }

    /** The engine's arguments for them (its EngineArguments). */
    List<String> engineArguments() {
        List<String> arguments = new ArrayList<>();
        if (previousRun != null) {
            arguments.addAll(List.of("--previous-run", previousRun.toString()));
        }
        if (cacheScope != null) {
            arguments.addAll(List.of("--cache-scope", cacheScope.toString()));
        }
        if (forceAll) {
            arguments.addAll(List.of("--force", "all"));
        } else {
            forcedNodes.forEach(node -> arguments.addAll(List.of("--force", node)));
        }
        arguments.addAll(scope.engineArguments());
        if (cacheMaxBytes > 0) {
            arguments.addAll(List.of("--cache-max-size", Long.toString(cacheMaxBytes)));
        }
        return arguments;
    }
}
