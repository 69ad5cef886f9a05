package io.easel.engine.run;

import io.easel.run.RunScope;
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
 * @param runScope which nodes run; those upstream of it that feed it may only reuse stored outputs
 * @param cacheMaxBytes how large the workspace cache may grow: beyond it, the run evicts the least recently used
 *     entries when it ends; 0 for no limit
 */
public record RunReuse(String previousRun, boolean forceAll, Set<String> forcedNodes, String scope,
        RunScope runScope, long cacheMaxBytes) {

    /** The value of {@code --force} that forces every node. */
    public static final String ALL = "all";

    public RunReuse {
        if (previousRun != null) {
            WorkspaceLayout.checkRunId(previousRun);
        }
        forcedNodes = forcedNodes == null ? Set.of() : Set.copyOf(forcedNodes);
        scope = scope == null ? WorkspaceLayout.DEFAULT_CACHE_SCOPE : scope;
        WorkspaceLayout.cacheScope(scope);
        runScope = runScope == null ? RunScope.ALL : runScope;
        if (cacheMaxBytes < 0) {
            throw new IllegalArgumentException("the cache size limit must be 0 (none) or more bytes, not "
                    + cacheMaxBytes);
        }
    }

    /** Every node of the graph, no cache size limit. */
    public RunReuse(String previousRun, boolean forceAll, Set<String> forcedNodes, String scope) {
        this(previousRun, forceAll, forcedNodes, scope, RunScope.ALL, 0);
    }

    /** Reuse wherever the fingerprints match, with no earlier run to compare with. */
    public static RunReuse byFingerprint() {
        return new RunReuse(null, false, Set.of(), null);
    }

    public boolean forces(String nodeId) {
        return forceAll || forcedNodes.contains(nodeId) || runScope.forces(nodeId);
    }
}
