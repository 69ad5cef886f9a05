package io.easel.engine.run;

import io.easel.run.WorkspaceLayout;
import java.util.Set;

/**
 * How a run treats the outputs earlier runs stored in the workspace cache.
 *
 * @param previousRun the latest earlier run of the same experiment, whose fingerprints say why a node runs again; null
 *     when there is none
 * @param forceAll every node runs, none reuses
 * @param forcedNodes these nodes run, whatever the cache holds (their descendants may still reuse)
 * @param scope the runs that share stored outputs (the server gives its workspace id): a run reuses only what runs of
 *     its own scope stored
 */
public record RunReuse(String previousRun, boolean forceAll, Set<String> forcedNodes, String scope) {

    /** The value of {@code --force} that forces every node. */
    public static final String ALL = "all";

    public RunReuse {
        if (previousRun != null) {
            WorkspaceLayout.checkRunId(previousRun);
        }
        forcedNodes = forcedNodes == null ? Set.of() : Set.copyOf(forcedNodes);
        scope = scope == null ? WorkspaceLayout.DEFAULT_CACHE_SCOPE : scope;
        WorkspaceLayout.cacheScope(scope);
    }

    /** Reuse wherever the fingerprints match, with no earlier run to compare with. */
    public static RunReuse byFingerprint() {
        return new RunReuse(null, false, Set.of(), null);
    }

    public boolean forces(String nodeId) {
        return forceAll || forcedNodes.contains(nodeId);
    }
}
