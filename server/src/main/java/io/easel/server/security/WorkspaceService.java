package io.easel.server.security;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces and who is a member of which, with which role. Everyone sees the workspaces they are in (and their
 * members); administrators see all, create them, and decide who is in them.
 */
@Service
@Transactional
public class WorkspaceService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final Access access;
    private final AuditLog audit;
    private final Map<UUID, String> slugs = new ConcurrentHashMap<>();

    WorkspaceService(WorkspaceRepository workspaces, MembershipRepository memberships, UserRepository users,
            Access access, AuditLog audit) {
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.users = users;
        this.access = access;
        this.audit = audit;
    }

    /**
     * The slug of a workspace, for the server itself (no access check: a slug is no secret, and it never changes, so
     * it is kept once read); empty for a workspace that does not exist.
     */
    @Transactional(readOnly = true)
    public Optional<String> slugOf(UUID id) {
        String known = slugs.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> slug = workspaces.findById(id).map(WorkspaceEntity::slug);
        slug.ifPresent(found -> slugs.put(id, found));
        return slug;
    }

    /** The workspaces the caller may see, by name, with the caller's role in each. */
    @Transactional(readOnly = true)
    public List<WorkspaceView> visible() {
        Caller caller = access.caller();
        return access.workspaces().stream()
                .map(w -> new WorkspaceView(w.id(), w.slug(), w.name(), caller.roleIn(w.id()).orElseThrow()))
                .toList();
    }

    /**
     * One workspace the caller may see, by slug or id, with the caller's role there; blank for the caller's default
     * one (see {@link Access#workspace(String)}).
     *
     * @throws NotFoundException (404) for one the caller cannot see
     * @throws ForbiddenException (403) when the selector is blank and the caller is in no workspace
     */
    @Transactional(readOnly = true)
    public WorkspaceView get(String selector) {
        WorkspaceRef workspace = access.workspace(selector);
        return new WorkspaceView(workspace.id(), workspace.slug(), workspace.name(),
                access.caller().roleIn(workspace.id()).orElseThrow());
    }

    /**
     * Creates a workspace (administrators only).
     *
     * @param slug its name in URLs and the {@value WorkspaceRef#HEADER} header: lowercase letters, digits, '-'
     * @throws InvalidSecurityRequestException (400) for a slug or name that cannot be used
     * @throws AlreadyExistsException (409) for a slug that is taken
     */
    public WorkspaceView create(String slug, String name) {
        access.requireAdmin();
        String chosen = slug == null ? "" : slug.strip();
        if (!SLUG.matcher(chosen).matches()) {
            throw new InvalidSecurityRequestException("slug", "must be 1 to 63 lowercase letters, digits or '-', "
                    + "starting and ending with a letter or digit");
        }
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new InvalidSecurityRequestException("name", "must be 1 to 200 characters");
        }
        if (workspaces.findBySlug(chosen).isPresent()) {
            throw AlreadyExistsException.workspace(chosen);
        }
        WorkspaceEntity created;
        try {
            created = workspaces.saveAndFlush(new WorkspaceEntity(chosen, name.strip(),
                    Instant.now().truncatedTo(ChronoUnit.MICROS)));
        } catch (DataIntegrityViolationException raced) {
            throw AlreadyExistsException.workspace(chosen);
        }
        audit.record(AuditAction.WORKSPACE_CREATED, created.id(), chosen, name.strip());
        return new WorkspaceView(created.id(), chosen, name.strip(), WorkspaceRole.ANALYST);
    }

    /** The members of a workspace the caller may see, by user name. */
    @Transactional(readOnly = true)
    public List<MemberView> members(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return memberships.findByKeyWorkspaceId(workspace.id()).stream()
                .flatMap(m -> users.findById(m.userId()).stream()
                        .map(u -> new MemberView(u.username(), u.displayName(), m.role())))
                .sorted(Comparator.comparing(MemberView::username))
                .toList();
    }

    /**
     * Adds a user to a workspace, or changes their role there (administrators only).
     *
     * @throws NotFoundException (404) for an unknown user
     */
    public MemberView setMember(WorkspaceRef workspace, String username, WorkspaceRole role) {
        access.requireAdmin();
        if (role == null) {
            throw new InvalidSecurityRequestException("role", "is required: 'viewer' or 'analyst'");
        }
        UserEntity user = users.findByUsername(username).orElseThrow(() -> NotFoundException.user(username));
        MembershipEntity membership = memberships.findById(new MembershipKey(workspace.id(), user.id()))
                .orElseGet(() -> new MembershipEntity(workspace.id(), user.id(), role));
        membership.changeRole(role);
        memberships.save(membership);
        audit.record(AuditAction.MEMBER_CHANGED, workspace.id(), username, role.code() + " in " + workspace.slug());
        return new MemberView(user.username(), user.displayName(), role);
    }

    /**
     * Takes a user out of a workspace (administrators only); removing a non-member changes nothing.
     *
     * @throws NotFoundException (404) for an unknown user
     */
    public void removeMember(WorkspaceRef workspace, String username) {
        access.requireAdmin();
        UserEntity user = users.findByUsername(username).orElseThrow(() -> NotFoundException.user(username));
        memberships.findById(new MembershipKey(workspace.id(), user.id())).ifPresent(membership -> {
            memberships.delete(membership);
            audit.record(AuditAction.MEMBER_REMOVED, workspace.id(), username, "from " + workspace.slug());
        });
    }
}
