package io.easel.server.security;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@Tag(name = "Account", description = "Who you are signed in as, and your workspaces")
class AccountController {

    private final UserService users;

    AccountController(UserService users) {
        this.users = users;
    }

    record PasswordChange(String currentPassword, String newPassword) {}

    @GetMapping("/api/me")
    @Operation(summary = "The caller: user name, administrator or not, and each workspace they may see with their "
            + "role there")
    MeView me() {
        return users.me();
    }

    @PutMapping("/api/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password", description = "403 when the current password is wrong; 400 "
            + "when the new one has fewer than 12 characters.")
    void changePassword(@RequestBody PasswordChange change) {
        users.changeOwnPassword(change.currentPassword(), change.newPassword());
    }
}
