package io.easel.server.security;

import java.util.UUID;

/**
 * A workspace: experiments, runs, models, deployments and API keys belong to exactly one, and only its members (and
 * administrators) see them.
 *
 * @param slug how the REST API names it, in paths and in the {@value #HEADER} header
 */
public record WorkspaceRef(UUID id, String slug, String name) {

    /**
     * The request header that chooses the workspace whose things a list shows, a new experiment goes into, and a
     * deployment name ({@code /api/score/{name}}) is looked up in: a slug or an id. Without it, an API key's
     * workspace, else the caller's default one (see {@link Access#workspace(String)}).
     */
    public static final String HEADER = "Easel-Workspace";

    /** The workspace every install has; what existed before workspaces moved into it. */
    public static final UUID DEFAULT_ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    public static final String DEFAULT_SLUG = "default";

    public static final WorkspaceRef DEFAULT = new WorkspaceRef(DEFAULT_ID, DEFAULT_SLUG, "Default");
}
