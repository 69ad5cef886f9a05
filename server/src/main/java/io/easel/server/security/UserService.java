package io.easel.server.security;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who sign in: who the caller is, and (for administrators) creating and changing users. Passwords are kept
 * as bcrypt hashes only. There is always at least one enabled administrator: the last one cannot be demoted or
 * disabled.
 */
@Service
@Transactional
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

    private final UserRepository users;
    private final WorkspaceRepository workspaces;
    private final MembershipRepository memberships;
    private final PasswordEncoder passwords;
    private final Access access;
    private final AuditLog audit;

    UserService(UserRepository users, WorkspaceRepository workspaces, MembershipRepository memberships,
            PasswordEncoder passwords, Access access, AuditLog audit) {
        this.users = users;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.passwords = passwords;
        this.access = access;
        this.audit = audit;
    }

    /**
     * A user to create: {@code password} null for one who signs in through the identity provider only, {@code admin}
     * null for no.
     */
    public record NewUser(String username, String displayName, String password, Boolean admin,
            Map<String, WorkspaceRole> workspaces) {

        boolean administrator() {
            return Boolean.TRUE.equals(admin);
        }
    }

    /** Changes to a user; each null field stays as it is. */
    public record UserChanges(String displayName, String password, Boolean admin, Boolean enabled) {}

    /** Who is calling, and their workspaces. */
    @Transactional(readOnly = true)
    public MeView me() {
        Caller caller = access.caller();
        String displayName = caller.userId() == null ? caller.name()
                : users.findById(caller.userId()).map(UserEntity::displayName).orElse(caller.name());
        List<WorkspaceView> visible = access.workspaces().stream()
                .map(w -> new WorkspaceView(w.id(), w.slug(), w.name(), caller.roleIn(w.id()).orElseThrow()))
                .toList();
        return new MeView(caller.name(), displayName, caller.admin(), caller.isApiKey(), visible);
    }

    /**
     * Changes the caller's own password.
     *
     * @throws ForbiddenException (403) when {@code current} is wrong, or for API keys and identity-provider users
     */
    public void changeOwnPassword(String current, String replacement) {
        Caller caller = access.caller();
        UserEntity user = caller.userId() == null ? null : users.findById(caller.userId()).orElse(null);
        if (user == null || user.passwordHash() == null) {
            throw new ForbiddenException("Only users who sign in with a password can change it here");
        }
        if (current == null || !passwords.matches(current, user.passwordHash())) {
            throw new ForbiddenException("The current password is wrong");
        }
        user.changePassword(passwords.encode(checkPassword(replacement)));
        audit.record(AuditAction.USER_CHANGED, null, user.username(), "own password changed");
    }

    /** Every user, by name (administrators only). */
    @Transactional(readOnly = true)
    public List<UserView> list() {
        access.requireAdmin();
        Map<UUID, String> slugs = slugs();
        Map<UUID, List<MembershipEntity>> byUser = memberships.findAll().stream()
                .collect(Collectors.groupingBy(MembershipEntity::userId));
        return users.findAllByOrderByUsername().stream()
                .map(u -> view(u, byUser.getOrDefault(u.id(), List.of()), slugs)).toList();
    }

    /**
     * Creates a user (administrators only).
     *
     * @throws InvalidSecurityRequestException (400) naming the field: user name, password (at least 12 characters),
     *     or a workspace that does not exist
     * @throws AlreadyExistsException (409) for a name that is taken
     */
    public UserView create(NewUser request) {
        access.requireAdmin();
        String username = checkUsername(request.username());
        if (users.findByUsername(username).isPresent()) {
            throw AlreadyExistsException.user(username);
        }
        String hash = request.password() == null ? null : passwords.encode(checkPassword(request.password()));
        UserEntity user = users.save(UserEntity.withPassword(username, blankToNull(request.displayName()), hash,
                request.administrator(), now()));
        List<String> granted = new ArrayList<>();
        Objects.requireNonNullElse(request.workspaces(), Map.<String, WorkspaceRole>of()).forEach((slug, role) -> {
            WorkspaceEntity workspace = workspaces.findBySlug(slug)
                    .orElseThrow(() -> new InvalidSecurityRequestException("workspaces." + slug, "is no workspace"));
            if (role == null) {
                throw new InvalidSecurityRequestException("workspaces." + slug, "needs a role: viewer or analyst");
            }
            memberships.save(new MembershipEntity(workspace.id(), user.id(), role));
            granted.add(role.code() + " in " + slug);
        });
        audit.record(AuditAction.USER_CREATED, null, username, (request.administrator() ? "administrator" : "user")
                + (hash == null ? ", identity provider only" : ", with password")
                + (granted.isEmpty() ? "" : "; " + String.join(", ", granted)));
        return view(user, memberships.findByKeyUserId(user.id()), slugs());
    }

    /**
     * Changes a user (administrators only).
     *
     * @throws NotFoundException (404) for an unknown user
     * @throws ForbiddenException (403) when it would leave no enabled administrator
     */
    public UserView change(String username, UserChanges changes) {
        access.requireAdmin();
        UserEntity user = users.findByUsername(username).orElseThrow(() -> NotFoundException.user(username));
        List<String> what = new ArrayList<>();
        boolean losesAdmin = user.admin() && user.enabled()
                && (Boolean.FALSE.equals(changes.admin()) || Boolean.FALSE.equals(changes.enabled()));
        if (losesAdmin && users.findAll().stream().filter(u -> u.admin() && u.enabled()).count() <= 1) {
            throw new ForbiddenException("'" + username + "' is the last enabled administrator; make someone else "
                    + "an administrator first");
        }
        if (changes.displayName() != null) {
            user.changeDisplayName(blankToNull(changes.displayName()));
            what.add("display name");
        }
        if (changes.password() != null) {
            user.changePassword(passwords.encode(checkPassword(changes.password())));
            what.add("password");
        }
        if (changes.admin() != null && changes.admin() != user.admin()) {
            user.changeAdmin(changes.admin());
            what.add(changes.admin() ? "made administrator" : "no longer administrator");
        }
        if (changes.enabled() != null && changes.enabled() != user.enabled()) {
            user.changeEnabled(changes.enabled());
            what.add(changes.enabled() ? "enabled" : "disabled");
        }
        if (!what.isEmpty()) {
            audit.record(AuditAction.USER_CHANGED, null, username, String.join(", ", what));
        }
        return view(user, memberships.findByKeyUserId(user.id()), slugs());
    }

    /** @throws InvalidSecurityRequestException (400) for a name that is not 1-100 of letters, digits, . _ @ - */
    static String checkUsername(String username) {
        String name = username == null ? "" : username.strip();
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidSecurityRequestException("username", "must be 1 to 100 letters, digits, '.', '_', '@' "
                    + "or '-', starting with a letter or digit");
        }
        return name;
    }

    private static String checkPassword(String password) {
        if (password == null || password.length() < SecurityProperties.MIN_PASSWORD_LENGTH) {
            throw new InvalidSecurityRequestException("password", "must have at least "
                    + SecurityProperties.MIN_PASSWORD_LENGTH + " characters");
        }
        return password;
    }

    private Map<UUID, String> slugs() {
        return workspaces.findAll().stream().collect(Collectors.toMap(WorkspaceEntity::id, WorkspaceEntity::slug));
    }

    private static UserView view(UserEntity user, List<MembershipEntity> memberships, Map<UUID, String> slugs) {
        Map<String, WorkspaceRole> roles = new LinkedHashMap<>();
        memberships.stream().sorted(java.util.Comparator.comparing(m -> slugs.getOrDefault(m.workspaceId(), "")))
                .forEach(m -> roles.put(slugs.get(m.workspaceId()), m.role()));
        return new UserView(user.username(), user.displayName(), user.admin(), user.enabled(),
                user.passwordHash() != null, user.identityProvider(), roles, user.createdAt());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
