package io.easel.server.data;

import io.easel.run.DataRoots;
import java.time.Instant;

/**
 * One file uploaded into a workspace.
 *
 * @param name the file name, unique in the workspace
 * @param size in bytes
 * @param modified when it was last uploaded
 * @param path what a file source's path param reads it by: {@code {uploads}/<name>}
 */
public record UploadView(String name, long size, Instant modified, String path) {

    static UploadView of(String name, long size, Instant modified) {
        return new UploadView(name, size, modified, DataRoots.UPLOADS + "/" + name);
    }
}
