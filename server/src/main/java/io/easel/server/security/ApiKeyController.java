package io.easel.server.security;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/workspaces/{workspace}/api-keys")
@Tag(name = "API keys", description = "Keys for scoring and automation: send 'Authorization: Bearer <key>'. Each "
        + "acts in its workspace only, with its role (viewer: read and score; analyst: also edit, run and deploy). "
        + "Analysts and administrators manage them; the key is shown once, when it is created")
class ApiKeyController {

    private final ApiKeyService keys;
    private final Access access;

    ApiKeyController(ApiKeyService keys, Access access) {
        this.keys = keys;
        this.access = access;
    }

    /** @param role {@code viewer} or {@code analyst} */
    record NewKey(String name, WorkspaceRole role) {}

    @GetMapping
    @Operation(summary = "The workspace's API keys, newest first (never the keys themselves)")
    List<ApiKeyView> list(@PathVariable String workspace) {
        return keys.list(access.workspace(workspace));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API key", description = "Answers the key in `key`: store it now, it is never "
            + "shown again.")
    ResponseEntity<ApiKeyService.NewApiKey> create(@PathVariable String workspace, @RequestBody NewKey request) {
        WorkspaceRef in = access.workspace(workspace);
        ApiKeyService.NewApiKey created = keys.create(in, request.name(), request.role());
        return ResponseEntity.created(URI.create("/api/workspaces/" + in.slug() + "/api-keys/"
                + created.apiKey().id())).body(created);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key", description = "It stops working at once; it stays listed as revoked.")
    ApiKeyView revoke(@PathVariable String workspace, @PathVariable UUID id) {
        return keys.revoke(access.workspace(workspace), id);
    }
}
