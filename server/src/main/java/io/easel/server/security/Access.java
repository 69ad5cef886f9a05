package io.easel.server.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is calling, and what they may do: every feature service asks here before it reads or changes anything of a
 * workspace. The rules:
 * <ul>
 * <li>Things of a workspace the caller cannot see do not exist for them: the feature answers its own 404, the same
 *     as for an id nobody has.</li>
 * <li>Viewers read; analysts also create, edit, run, delete and deploy; administrators do everything everywhere. A
 *     caller who may see a thing but not change it gets a 403 that says why.</li>
 * <li>An API key acts with its role in its own workspace only, and never as an administrator.</li>
 * </ul>
 * No transaction of its own: each look-up is one read, and a caller with an API key (a scoring client) is answered
 * from the key's sign-in without reading the database at all.
 */
@Service
public class Access {

    private static final String CACHED = Access.class.getName() + ".caller";

    private final UserRepository users;
    private final MembershipRepository memberships;
    private final WorkspaceRepository workspaces;

    Access(UserRepository users, MembershipRepository memberships, WorkspaceRepository workspaces) {
        this.users = users;
        this.memberships = memberships;
        this.workspaces = workspaces;
    }

    /**
     * The caller, with their roles as the database has them now (looked up once per HTTP request).
     *
     * @throws SignInRequiredException (401) when nobody is signed in, or the user has been disabled or deleted since
     */
    public Caller caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new SignInRequiredException();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CACHED, RequestAttributes.SCOPE_REQUEST) instanceof Resolved r
                && r.authentication() == authentication) {
            return r.caller();
        }
        Caller caller = switch (authentication.getPrincipal()) {
            case ApiKeyPrincipal key -> new Caller(key.name(), null, false, Map.of(key.workspaceId(), key.role()));
            case EaselUser user -> users.findById(user.userId()).filter(UserEntity::enabled)
                    .map(u -> new Caller(u.username(), u.id(), u.admin(), roles(u.id())))
                    .orElseThrow(SignInRequiredException::new);
            case null, default -> throw new SignInRequiredException();
        };
        if (request != null) {
            request.setAttribute(CACHED, new Resolved(authentication, caller), RequestAttributes.SCOPE_REQUEST);
        }
        return caller;
    }

    private record Resolved(Authentication authentication, Caller caller) {}

    /**
     * Lets the caller read things of the workspace.
     *
     * @param notFound the feature's own 404, thrown when the caller may not see the workspace
     */
    public Caller requireRead(UUID workspaceId, Supplier<? extends RuntimeException> notFound) {
        Caller caller = caller();
        if (!caller.canRead(workspaceId)) {
            throw notFound.get();
        }
        return caller;
    }

    /**
     * Lets the caller change things of the workspace.
     *
     * @param notFound the feature's own 404, thrown when the caller may not even see the workspace
     * @throws ForbiddenException (403) for a viewer
     */
    public Caller requireEdit(UUID workspaceId, Supplier<? extends RuntimeException> notFound) {
        Caller caller = requireRead(workspaceId, notFound);
        if (!caller.canEdit(workspaceId)) {
            String slug = workspaces.findById(workspaceId).map(WorkspaceEntity::slug).orElse(workspaceId.toString());
            throw new ForbiddenException((caller.isApiKey() ? "This API key is a viewer key" : "You are a viewer")
                    + " in workspace '" + slug + "': creating, changing, running, deleting and deploying need the "
                    + "analyst role");
        }
        return caller;
    }

    /** @throws ForbiddenException (403) for anyone but an administrator (and always for API keys) */
    public Caller requireAdmin() {
        Caller caller = caller();
        if (!caller.admin()) {
            throw new ForbiddenException("Only administrators may do this"
                    + (caller.isApiKey() ? "; API keys never can" : ""));
        }
        return caller;
    }

    /**
     * The workspace a request works in, as the {@value WorkspaceRef#HEADER} header names it (slug or id). Without
     * one: an API key's own workspace; for a user the default workspace if they are in it, else the first of theirs by
     * name.
     *
     * @throws NotFoundException (404) for a workspace the caller cannot see
     * @throws ForbiddenException (403) for a user who is in no workspace at all
     */
    public WorkspaceRef workspace(String selector) {
        Caller caller = caller();
        String wanted = selector == null ? "" : selector.strip();
        Optional<WorkspaceRef> own = apiKeyWorkspace();
        if (own.isPresent() && (wanted.isEmpty() || wanted.equals(own.get().slug())
                || wanted.equals(own.get().id().toString()))) {
            return own.get();
        }
        if (wanted.isEmpty()) {
            if (caller.canRead(WorkspaceRef.DEFAULT_ID)) {
                return workspaces.findById(WorkspaceRef.DEFAULT_ID).orElseThrow().ref();
            }
            return visibleTo(caller).stream().findFirst().orElseThrow(() -> new ForbiddenException(
                    "You are not a member of any workspace; an administrator can add you to one"));
        }
        Optional<WorkspaceEntity> found = workspaces.findBySlug(wanted).or(() -> uuid(wanted).flatMap(workspaces::findById));
        return found.filter(w -> caller.canRead(w.id())).map(WorkspaceEntity::ref)
                .orElseThrow(() -> NotFoundException.workspace(wanted));
    }

    /** An API key's own workspace, as its sign-in read it; empty for anyone else. */
    private static Optional<WorkspaceRef> apiKeyWorkspace() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof ApiKeyPrincipal key
                ? Optional.of(key.workspace()) : Optional.empty();
    }

    /** The workspaces the caller may see, by name. */
    public List<WorkspaceRef> workspaces() {
        return visibleTo(caller());
    }

    private List<WorkspaceRef> visibleTo(Caller caller) {
        return workspaces.findAllByOrderByName().stream().filter(w -> caller.canRead(w.id()))
                .map(WorkspaceEntity::ref).sorted(Comparator.comparing(WorkspaceRef::name)).toList();
    }

    private Map<UUID, WorkspaceRole> roles(UUID userId) {
        return memberships.findByKeyUserId(userId).stream()
                .collect(Collectors.toMap(MembershipEntity::workspaceId, MembershipEntity::role));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
