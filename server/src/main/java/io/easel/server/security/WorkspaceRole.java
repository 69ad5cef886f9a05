package io.easel.server.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a member of a workspace (or an API key of it) may do there. Administrators are not members with a role: they
 * may do everything in every workspace.
 */
public enum WorkspaceRole {
    /** Reads experiments, runs, models and deployments, downloads PMML and scores deployed models. */
    VIEWER,
    /** A viewer who also creates, edits, runs, deletes and deploys, and manages the workspace's API keys. */
    ANALYST;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws InvalidSecurityRequestException (400) for anything but {@code viewer} or {@code analyst}
     */
    @JsonCreator
    public static WorkspaceRole of(String code) {
        return Arrays.stream(values()).filter(r -> r.code().equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidSecurityRequestException("role",
                        "must be 'viewer' or 'analyst', not '" + code + "'"));
    }

    public boolean canEdit() {
        return this == ANALYST;
    }
}
