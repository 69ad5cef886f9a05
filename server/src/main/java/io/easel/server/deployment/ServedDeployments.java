package io.easel.server.deployment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What each deployment serves, as scoring reads it on every request: kept in memory, so a scoring request reads no
 * database. An entry lives for {@code easel.scoring.deployment-refresh} (2 s by default); the next request after that
 * reads the database again, so every replica follows what the studio deploys, re-points or undeploys within seconds.
 * What this server itself changes is dropped at once, and again when the change commits (a request that read the
 * old row meanwhile must not keep it).
 */
@Component
class ServedDeployments {

    private final Cache<Key, DeploymentService.Served> cache;

    ServedDeployments(@Value("${easel.scoring.deployment-refresh:2s}") Duration refresh) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(refresh).maximumSize(100_000).build();
    }

    /**
     * The cached answer, else {@code lookUp}'s (looked up once however many requests ask at the same time).
     * Unknown deployments are not remembered: {@code lookUp} throws, and the next request asks again.
     */
    DeploymentService.Served get(UUID workspaceId, String name, Supplier<DeploymentService.Served> lookUp) {
        return cache.get(new Key(workspaceId, name), key -> lookUp.get());
    }

    /** Forgets the deployment now and when the current transaction (if any) commits. */
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
