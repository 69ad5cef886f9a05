package io.easel.studio.editor;

import io.easel.server.data.UploadService;
import io.easel.server.data.UploadView;
import io.easel.server.security.WorkspaceRef;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What the data params of a node can choose from: the uploads of the experiment's workspace (and uploading more, for
 * its analysts) and the names of the server's database connections.
 *
 * @param canUpload whether the user may upload into the workspace (analysts; viewers only pick)
 */
record DataChoices(UploadService uploads, WorkspaceRef workspace, boolean canUpload, List<String> connections) {

    DataChoices {
        connections = List.copyOf(connections);
    }

    List<UploadView> listUploads() {
        return uploads.list(workspace);
    }

    UploadView upload(String name, InputStream content, boolean overwrite) throws IOException {
        return uploads.store(workspace, name, content, overwrite);
    }

    long maxUploadBytes() {
        return uploads.maxBytes();
    }
}
