package io.easel.server.data;

import io.easel.server.security.Access;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

@RestController
@StudioOnly
@RequestMapping("/api/workspaces/{workspace}/uploads")
@Tag(name = "Uploads", description = "Files uploaded into a workspace, which its experiments' file sources read as "
        + "{uploads}/<name> (and no other workspace's can). Members list and download them; analysts upload and "
        + "delete")
class UploadController {

    private final UploadService uploads;
    private final Access access;

    UploadController(UploadService uploads, Access access) {
        this.uploads = uploads;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The workspace's uploads, by name")
    List<UploadView> list(@PathVariable String workspace) {
        return uploads.list(access.workspace(workspace));
    }

    /**
     * The body is the file itself, streamed to disk as it comes: no multipart (which stays 415 everywhere) and no
     * form, whose body the servlet container would read into memory to find parameters.
     */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a file", description = "The body is the file itself (`curl --data-binary "
            + "@customers.csv -H 'Content-Type: text/csv' '…/uploads?name=customers.csv'`), at most "
            + "`easel.limits.upload-body` (413 past it). A name already taken is 409 unless `overwrite=true`.")
    @Parameter(name = "name", description = "The file name: letters, digits, spaces, . _ - ( ) + = @ ~ ! & ', at most "
            + UploadService.MAX_NAME_LENGTH + " characters, not starting with '.'", required = true)
    @Parameter(name = "overwrite", description = "Replace an upload of that name", schema =
            @io.swagger.v3.oas.annotations.media.Schema(type = "boolean", defaultValue = "false"))
    ResponseEntity<UploadView> upload(@PathVariable String workspace, HttpServletRequest request)
            throws IOException {
        WorkspaceRef in = access.workspace(workspace);
        String contentType = request.getContentType() == null ? "" : request.getContentType()
                .toLowerCase(Locale.ROOT);
        if (contentType.startsWith("multipart/") || contentType.startsWith("application/x-www-form-urlencoded")) {
            throw UploadException.notAFileBody(request.getContentType());
        }
        // The parameters come from the query alone now that the body is known not to be a form.
        UploadView stored = uploads.store(in, request.getParameter("name"), request.getInputStream(),
                Boolean.parseBoolean(request.getParameter("overwrite")));
        return ResponseEntity.created(URI.create("/api/workspaces/" + in.slug() + "/uploads/"
                + UriUtils.encodePathSegment(stored.name(), StandardCharsets.UTF_8))).body(stored);
    }

    @GetMapping("/{name}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Download an upload")
    ResponseEntity<Resource> download(@PathVariable String workspace, @PathVariable String name) {
        FileSystemResource file = new FileSystemResource(uploads.file(access.workspace(workspace), name));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name, StandardCharsets.UTF_8).build().toString())
                .body(file);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an upload", description = "Experiments that read it fail validation until it is "
            + "uploaded again.")
    void delete(@PathVariable String workspace, @PathVariable String name) {
        uploads.delete(access.workspace(workspace), name);
    }
}
