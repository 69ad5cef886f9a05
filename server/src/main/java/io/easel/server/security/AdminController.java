package io.easel.server.security;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditEntry;
import io.easel.server.audit.AuditLog;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What only administrators do: manage users and read the audit log. */
@RestController
@StudioOnly
@RequestMapping("/api/admin")
@Tag(name = "Administration", description = "Users and the audit log; administrators only (403 for anyone else)")
class AdminController {

    private final UserService users;
    private final AuditLog audit;
    private final Access access;

    AdminController(UserService users, AuditLog audit, Access access) {
        this.users = users;
        this.audit = audit;
        this.access = access;
    }

    @GetMapping("/users")
    @Operation(summary = "Every user, with their workspaces and roles")
    List<UserView> users() {
        return users.list();
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user", description = "Body: {\"username\", \"displayName\", \"password\" (at "
            + "least 12 characters; absent for identity-provider users), \"admin\", \"workspaces\": {\"<slug>\": "
            + "\"viewer\"|\"analyst\"}}. 409 when the name is taken.")
    ResponseEntity<UserView> createUser(@RequestBody UserService.NewUser request) {
        UserView created = users.create(request);
        return ResponseEntity.created(URI.create("/api/admin/users/" + created.username())).body(created);
    }

    @PutMapping("/users/{username}")
    @Operation(summary = "Change a user: display name, password, administrator, enabled",
            description = "Absent fields stay as they are. The last enabled administrator cannot be demoted or "
                    + "disabled (403).")
    UserView changeUser(@PathVariable String username, @RequestBody UserService.UserChanges changes) {
        return users.change(username, changes);
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first", description = "Sign-ins and failed sign-ins, deploys, "
            + "undeploys, deletes, API key creation and revocation, and changes to run settings, users, workspaces "
            + "and members. Page back with before=<the smallest id you got>.")
    List<AuditEntry> audit(@RequestParam(required = false) String action, @RequestParam(required = false) Long before,
            @RequestParam(defaultValue = "100") int limit) {
        access.requireAdmin();
        return audit.recent(action == null || action.isBlank() ? null : action(action), before, limit);
    }

    private static AuditAction action(String code) {
        return Arrays.stream(AuditAction.values()).filter(a -> a.code().equals(code.strip())).findFirst()
                .orElseThrow(() -> new InvalidSecurityRequestException("action", "must be one of "
                        + Arrays.stream(AuditAction.values()).map(AuditAction::code).toList()));
    }
}
