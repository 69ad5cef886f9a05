package io.easel.server.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * API keys, for scoring and automation: each belongs to one workspace and acts there with its role. A key is
 * {@code easel_<key id>_<secret>}; only the SHA-256 of the secret is stored, so the key is shown once, when it is
 * created, and a lost key is revoked and replaced. Analysts and administrators manage a workspace's keys; a key
 * cannot manage keys.
 * <p>
 * Authenticating a key reads no database while the key is in memory: a key read more than half of
 * {@code easel.security.api-key-refresh} (2 s by default) ago is read again by the next request that presents it,
 * while concurrent requests go on with what was read before; a key nobody presented during that time is dropped. A
 * key revoked on this server stops working at once; on other replicas within that time.
 */
@Service
public class ApiKeyService {

    static final String PREFIX = "easel_";
    private static final Pattern KEY = Pattern.compile("easel_([0-9a-f]{32})_([A-Za-z0-9_-]{43})");
    private static final int MAX_NAME_LENGTH = 200;
    /** How stale {@code lastUsedAt} may get: a key used for every request must not write on every request. */
    private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final WorkspaceRepository workspaces;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock = Clock.systemUTC();
    /** Keys as last read, by id; keys that do not exist are not remembered. */
    private final LoadingCache<UUID, StoredKey> stored;

    ApiKeyService(ApiKeyRepository keys, WorkspaceRepository workspaces, Access access, AuditLog audit,
            @Value("${easel.security.api-key-refresh:2s}") Duration refresh) {
        this.keys = keys;
        this.workspaces = workspaces;
        this.access = access;
        this.audit = audit;
        this.stored = Caffeine.newBuilder().refreshAfterWrite(refresh.dividedBy(2)).expireAfterWrite(refresh)
                .maximumSize(100_000).executor(Runnable::run).build(this::read);
    }

    /** What authenticating needs of a key, as the database had it when it was read. */
    private record StoredKey(UUID id, WorkspaceRef workspace, WorkspaceRole role, String secretHash, boolean revoked,
            Instant lastUsedAt) {

        StoredKey usedAt(Instant now) {
            return new StoredKey(id, workspace, role, secretHash, revoked, now);
        }
    }

    /**
     * A key just created: {@code key} is the only time the secret is ever shown.
     */
    public record NewApiKey(ApiKeyView apiKey, String key) {}

    /**
     * @throws InvalidSecurityRequestException (400) for a blank or overlong name
     * @throws ForbiddenException (403) for viewers and API keys
     */
    @Transactional
    public NewApiKey create(WorkspaceRef workspace, String name, WorkspaceRole role) {
        Caller caller = requireKeyManager(workspace);
        if (name == null || name.isBlank()) {
            throw new InvalidSecurityRequestException("name", "must not be blank: say what the key is for");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw new InvalidSecurityRequestException("name", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (role == null) {
            throw new InvalidSecurityRequestException("role", "is required: 'viewer' (read and score) or 'analyst'");
        }
        UUID id = UUID.randomUUID();
        String secret = Secrets.newSecret();
        ApiKeyEntity key = keys.save(new ApiKeyEntity(id, workspace.id(), name.strip(), role, Secrets.hash(secret),
                caller.name(), now()));
        audit.record(AuditAction.API_KEY_CREATED, workspace.id(), id.toString(),
                "'" + name.strip() + "', " + role.code() + " in " + workspace.slug());
        return new NewApiKey(key.view(), PREFIX + HexFormat.of().formatHex(uuidBytes(id)) + "_" + secret);
    }

    /** The workspace's keys, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<ApiKeyView> list(WorkspaceRef workspace) {
        requireKeyManager(workspace);
        return keys.findByWorkspaceIdOrderByCreatedAtDesc(workspace.id()).stream().map(ApiKeyEntity::view).toList();
    }

    /**
     * Stops the key working at once. Revoking a revoked key changes nothing.
     *
     * @throws NotFoundException (404) for a key of another workspace, or none
     */
    @Transactional
    public ApiKeyView revoke(WorkspaceRef workspace, UUID keyId) {
        requireKeyManager(workspace);
        ApiKeyEntity key = keys.findById(keyId).filter(k -> k.workspaceId().equals(workspace.id()))
                .orElseThrow(() -> NotFoundException.apiKey(keyId));
        if (!key.revoked()) {
            key.revoke(now());
            forgetWhenCommitted(keyId);
            audit.record(AuditAction.API_KEY_REVOKED, workspace.id(), keyId.toString(), "in " + workspace.slug());
        }
        return key.view();
    }

    /** Whether a bearer token looks like an API key at all (other bearer tokens are not ours to judge). */
    static boolean looksLikeKey(String token) {
        return token != null && token.startsWith(PREFIX);
    }

    /** The key's identity when {@code presented} is a key that exists and is not revoked. */
    Optional<ApiKeyPrincipal> authenticate(String presented) {
        var parts = KEY.matcher(presented == null ? "" : presented.strip());
        if (!parts.matches()) {
            return Optional.empty();
        }
        UUID id = uuid(HexFormat.of().parseHex(parts.group(1)));
        StoredKey key = stored.get(id);
        if (key == null || key.revoked() || !Secrets.matches(parts.group(2), key.secretHash())) {
            return Optional.empty();
        }
        recordUse(key);
        return Optional.of(new ApiKeyPrincipal(key.id(), key.workspace(), key.role()));
    }

    /** The key as the database has it now; null when there is no such key (or its workspace is gone). */
    private StoredKey read(UUID id) {
        return keys.findById(id).flatMap(key -> workspaces.findById(key.workspaceId())
                        .map(workspace -> new StoredKey(key.id(), workspace.ref(), key.role(), key.secretHash(),
                                key.revoked(), key.lastUsedAt())))
                .orElse(null);
    }

    /** Writes {@code lastUsedAt} when it is older than {@link #USE_RECORDED_EVERY}: once, however many requests. */
    private void recordUse(StoredKey key) {
        Instant now = now();
        if (key.lastUsedAt() != null && !key.lastUsedAt().plus(USE_RECORDED_EVERY).isBefore(now)) {
            return;
        }
        if (stored.asMap().replace(key.id(), key, key.usedAt(now))) {
            keys.recordUse(key.id(), now);
        }
    }

    /** Drops the key from memory now and once the transaction that changed it has committed. */
    private void forgetWhenCommitted(UUID keyId) {
        stored.invalidate(keyId);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                stored.invalidate(keyId);
            }
        });
    }

    /** The key id a presented key names, for the audit log of a refused key (never the secret). */
    static String keyIdOf(String presented) {
        var parts = KEY.matcher(presented == null ? "" : presented.strip());
        return parts.matches() ? uuid(HexFormat.of().parseHex(parts.group(1))).toString() : "malformed";
    }

    private Caller requireKeyManager(WorkspaceRef workspace) {
        Caller caller = access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        if (caller.isApiKey()) {
            throw new ForbiddenException("API keys cannot list, create or revoke API keys; sign in as a user");
        }
        return caller;
    }

    private static byte[] uuidBytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID uuid(byte[] bytes) {
        var buffer = java.nio.ByteBuffer.wrap(bytes);
        return new UUID(buffer.getLong(), buffer.getLong());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
