package io.easel.server.security;

/** A member of a workspace and their role there. */
public record MemberView(String username, String displayName, WorkspaceRole role) {}
