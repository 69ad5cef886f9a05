package io.easel.server.settings;

import io.easel.run.DataRoots;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where the runs of one workspace may read and write files: the server's data roots, plus that workspace's own uploads
 * ({@code {uploads}}), and nothing else of the uploads area. A workspace's uploads directory is named by its id, never
 * by its slug, so no later workspace of the same name could inherit another's files.
 */
public class WorkspaceDataRoots {

    private final DataRoots dataRoots;
    private final Path uploadsArea;

    /** @param uploadsArea the local directory holding every workspace's uploads directory */
    public WorkspaceDataRoots(DataRoots dataRoots, Path uploadsArea) {
        this.dataRoots = dataRoots;
        this.uploadsArea = uploadsArea.toAbsolutePath().normalize();
    }

    /** The roots of a run (or a validation) of the workspace. */
    public DataRoots of(UUID workspaceId) {
        return dataRoots.withUploads(uploadsArea.toString(), workspaceId.toString());
    }

    /** The server's roots, with no workspace's uploads (for a graph validated outside any workspace). */
    public DataRoots withoutUploads() {
        return dataRoots.withUploads(uploadsArea.toString(), null);
    }

    /** The local directory of the workspace's uploads (it may not exist yet). */
    public Path uploadsDirectory(UUID workspaceId) {
        return uploadsArea.resolve(workspaceId.toString());
    }
}
