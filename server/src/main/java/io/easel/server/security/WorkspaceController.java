package io.easel.server.security;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/workspaces")
@Tag(name = "Workspaces", description = "Workspaces and their members. Experiments, runs, models and deployments "
        + "belong to one workspace; choose it with the Easel-Workspace header (a slug) where a request lists or "
        + "creates them")
class WorkspaceController {

    private final WorkspaceService workspaces;
    private final Access access;

    WorkspaceController(WorkspaceService workspaces, Access access) {
        this.workspaces = workspaces;
        this.access = access;
    }

    record NewWorkspace(String slug, String name) {}

    record RoleRequest(WorkspaceRole role) {}

    @GetMapping
    @Operation(summary = "The workspaces you may see, with your role in each")
    List<WorkspaceView> list() {
        return workspaces.visible();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a workspace (administrators)", description = "The slug names it in paths and in "
            + "the Easel-Workspace header: lowercase letters, digits and '-'. 409 when it is taken.")
    ResponseEntity<WorkspaceView> create(@RequestBody NewWorkspace request) {
        WorkspaceView created = workspaces.create(request.slug(), request.name());
        return ResponseEntity.created(URI.create("/api/workspaces/" + created.slug())).body(created);
    }

    @GetMapping("/{workspace}")
    @Operation(summary = "One workspace, by slug or id, with your role there")
    WorkspaceView get(@PathVariable String workspace) {
        return workspaces.get(workspace);
    }

    @GetMapping("/{workspace}/members")
    @Operation(summary = "The members of a workspace and their roles")
    List<MemberView> members(@PathVariable String workspace) {
        return workspaces.members(access.workspace(workspace));
    }

    @PutMapping("/{workspace}/members/{username}")
    @Operation(summary = "Add a user to the workspace or change their role (administrators)",
            description = "Body: {\"role\": \"viewer\"} or {\"role\": \"analyst\"}.")
    MemberView setMember(@PathVariable String workspace, @PathVariable String username,
            @RequestBody RoleRequest request) {
        return workspaces.setMember(access.workspace(workspace), username, request.role());
    }

    @DeleteMapping("/{workspace}/members/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Take a user out of the workspace (administrators)")
    void removeMember(@PathVariable String workspace, @PathVariable String username) {
        workspaces.removeMember(access.workspace(workspace), username);
    }
}
