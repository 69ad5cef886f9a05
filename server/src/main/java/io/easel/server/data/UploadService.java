package io.easel.server.data;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.security.Access;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.LimitSettings;
import io.easel.server.settings.StudioOnly;
import io.easel.server.settings.WorkspaceDataRoots;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * Files uploaded into a workspace, which its runs read as {@code {uploads}/<name>} (and no other workspace's runs
 * can). Each workspace's uploads are one flat directory of the uploads area, named by the workspace's id. A file is
 * streamed to a hidden temporary file next to its final place, never held in memory, counted against
 * {@code easel.limits.upload-body} as it comes, and moved into place only when it is complete: a failed or refused
 * upload leaves what was stored before untouched. Members read and list; analysts upload and delete.
 */
@Service
@StudioOnly
public class UploadService {

    static final int MAX_NAME_LENGTH = 120;
    /**
     * Letters and digits of any script, and the punctuation file names commonly hold; nothing a path, a URL or a data
     * path would read otherwise (separators, {@code %}, {@code ;}, {@code :}, {@code ,}, patterns, double quotes, control
     * characters).
     */
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}\\p{M} ._()+=@~!&'-]+");
    private static final String TEMPORARY = ".upload-";

    private final Access access;
    private final AuditLog audit;
    private final WorkspaceDataRoots dataRoots;
    private final long maxBytes;

    UploadService(Access access, AuditLog audit, WorkspaceDataRoots dataRoots, LimitSettings limits) {
        this.access = access;
        this.audit = audit;
        this.dataRoots = dataRoots;
        this.maxBytes = limits.uploadBody().toBytes();
    }

    /** The largest file an upload may have, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /** The workspace's uploads, by name. */
    public List<UploadView> list(WorkspaceRef workspace) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        Path directory = dataRoots.uploadsDirectory(workspace.id());
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<UploadView> uploads = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                if (!name.startsWith(".") && attributes.isRegularFile()) {
                    uploads.add(UploadView.of(name, attributes.size(), attributes.lastModifiedTime().toInstant()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The uploads of workspace '" + workspace.slug() + "' could not be listed",
                    e);
        }
        uploads.sort(Comparator.comparing(UploadView::name));
        return uploads;
    }

    /**
     * Stores {@code content} as the upload {@code name}.
     *
     * @param overwrite whether an upload of that name is replaced; otherwise it is a 409
     * @throws io.easel.server.web.InvalidFieldException 400 for a name that cannot be used (naming the field
     *     {@code name})
     * @throws UploadException 409 for a name taken, 413 past the limit
     * @throws IOException when the content cannot be read (the client went away, or the request's own limit cut it)
     */
    public UploadView store(WorkspaceRef workspace, String name, InputStream content, boolean overwrite)
            throws IOException {
        access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        String checked = checkName(name);
        Path directory = Files.createDirectories(dataRoots.uploadsDirectory(workspace.id()));
        Path target = directory.resolve(checked);
        if (!overwrite && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw UploadException.exists(checked);
        }
        Path temporary = directory.resolve(TEMPORARY + UUID.randomUUID());
        try {
            long size = copyWithin(content, temporary);
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                moveIfFree(temporary, target, checked);
            }
            audit.record(AuditAction.UPLOADED, workspace.id(), checked, size + " bytes"
                    + (overwrite ? ", replacing any upload of that name" : ""));
            return UploadView.of(checked, size, Files.getLastModifiedTime(target).toInstant());
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The stored file of an upload, to read. */
    public Path file(WorkspaceRef workspace, String name) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return existing(workspace, name);
    }

    public void delete(WorkspaceRef workspace, String name) {
        access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        Path file = existing(workspace, name);
        try {
            Files.delete(file);
        } catch (NoSuchFileException gone) {
            throw UploadException.notFound(name);
        } catch (IOException e) {
            throw new UncheckedIOException("The upload '" + name + "' could not be deleted", e);
        }
        audit.record(AuditAction.UPLOAD_DELETED, workspace.id(), name, null);
    }

    private Path existing(WorkspaceRef workspace, String name) {
        String checked = checkName(name);
        Path file = dataRoots.uploadsDirectory(workspace.id()).resolve(checked);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw UploadException.notFound(checked);
        }
        return file;
    }

    /** Copies at most the limit, failing as soon as the content passes it. */
    private long copyWithin(InputStream content, Path temporary) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        try (OutputStream out = Files.newOutputStream(temporary)) {
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw UploadException.tooLarge(maxBytes);
                }
                out.write(buffer, 0, n);
            }
        }
        return size;
    }

    /** Moves without ever replacing: of two uploads of one name at once, the second is told the name is taken. */
    private static void moveIfFree(Path temporary, Path target, String name) throws IOException {
        try {
            Files.createLink(target, temporary);
        } catch (FileAlreadyExistsException taken) {
            throw UploadException.exists(name);
        } catch (UnsupportedOperationException | IOException noHardLinks) {
            try {
                Files.move(temporary, target);
            } catch (FileAlreadyExistsException taken) {
                throw UploadException.exists(name);
            }
        }
    }

    /**
     * The name, stripped, if it can name an upload.
     *
     * @throws io.easel.server.web.InvalidFieldException (400, field {@code name}) saying why it cannot
     */
    static String checkName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty()) {
            throw UploadException.invalidName("name", "is required: the file name to store the upload as");
        }
        if (stripped.length() > MAX_NAME_LENGTH) {
            throw UploadException.invalidName("name", "is " + stripped.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        if (stripped.startsWith(".") || stripped.contains("..")) {
            throw UploadException.invalidName("name", "may not start with '.' or hold '..'");
        }
        if (!ALLOWED.matcher(stripped).matches()) {
            String refused = stripped.codePoints().filter(c -> !ALLOWED.matcher(Character.toString(c)).matches())
                    .mapToObj(c -> Character.isISOControl(c) ? String.format("\\u%04x", c) : Character.toString(c))
                    .distinct().reduce((a, b) -> a + " " + b).orElse("");
            throw UploadException.invalidName("name", "holds characters a file name of an upload may not hold ("
                    + refused + "); use letters, digits, spaces and . _ - ( ) + = @ ~ ! & '");
        }
        return stripped;
    }
}
