package io.easel.server.security;

import java.util.List;

/**
 * Who the caller is and where they may do what.
 *
 * @param username the user name, or {@code api-key:<id>} for an API key
 * @param apiKey whether the caller is an API key
 * @param workspaces the workspaces the caller may see, with their role in each
 */
public record MeView(String username, String displayName, boolean admin, boolean apiKey,
        List<WorkspaceView> workspaces) {}
