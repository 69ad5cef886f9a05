package io.easel.server.deployment;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What each deployment serves, as scoring reads it on every request: kept in memory, so a scoring request reads no
 * database. An entry read more than half of {@code refresh} ago is read again by the next request that finds it,
 * while the other requests meanwhile go on with the entry they have (none waits for the database); an entry nobody
 * asked for during {@code refresh} is dropped. So every replica follows what the studio deploys, re-points or
 * undeploys within {@code refresh}. What this server itself changes is dropped at once, and again when the change
 * commits (a request that read the old row meanwhile must not keep it).
 */
final class ServedDeployments {

    private final LoadingCache<Key, DeploymentService.Served> cache;

    /** @param lookUp the deployment of a workspace by name, as the database has it now; empty when there is none */
    ServedDeployments(Duration refresh, BiFunction<UUID, String, Optional<DeploymentService.Served>> lookUp) {
        // Refreshes run on the request's own thread: the look-up checks the caller's access as any read does.
        this.cache = Caffeine.newBuilder().refreshAfterWrite(refresh.dividedBy(2)).expireAfterWrite(refresh)
                .maximumSize(100_000).executor(Runnable::run)
                .build(key -> lookUp.apply(key.workspaceId(), key.name()).orElse(null));
    }

    /** Empty for a deployment that does not exist (not remembered: the next request asks the database again). */
    Optional<DeploymentService.Served> get(UUID workspaceId, String name) {
        return Optional.ofNullable(cache.get(new Key(workspaceId, name)));
    }

    /** Forgets the deployment now and when the current transaction (if any) ends. */
    void changed(UUID workspaceId, String name) {
        Key key = new Key(workspaceId, name);
        cache.invalidate(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(key);
                }
            });
        }
    }

    private record Key(UUID workspaceId, String name) {}
}
