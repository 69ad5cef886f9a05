package io.easel.server.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
class UserEntity {

    @Id
    private UUID id;

    private String username;

    private String displayName;

    /** bcrypt; null for users of the identity provider only. */
    private String passwordHash;

    private boolean admin;

    private boolean enabled;

    private String oidcIssuer;

    private String oidcSubject;

    private Instant createdAt;

    protected UserEntity() {}

    private UserEntity(String username, String displayName, boolean admin, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.displayName = displayName;
        this.admin = admin;
        this.enabled = true;
        this.createdAt = now;
    }

    static UserEntity withPassword(String username, String displayName, String passwordHash, boolean admin,
            Instant now) {
        UserEntity user = new UserEntity(username, displayName, admin, now);
        user.passwordHash = passwordHash;
        return user;
    }

    static UserEntity fromIdentityProvider(String username, String displayName, String issuer, String subject,
            Instant now) {
        UserEntity user = new UserEntity(username, displayName, false, now);
        user.oidcIssuer = issuer;
        user.oidcSubject = subject;
        return user;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String displayName() {
        return displayName == null ? username : displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean admin() {
        return admin;
    }

    boolean enabled() {
        return enabled;
    }

    boolean identityProvider() {
        return oidcSubject != null;
    }

    Instant createdAt() {
        return createdAt;
    }

    void changePassword(String hash) {
        this.passwordHash = hash;
    }

    void changeAdmin(boolean admin) {
        this.admin = admin;
    }

    void changeEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    void changeDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
