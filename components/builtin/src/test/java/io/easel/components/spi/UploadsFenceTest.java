package io.easel.components.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.run.DataRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run reads its own workspace's uploads and nothing else of the uploads area, also when a link (in the data root or
 * among its own uploads) leads into another workspace's: the engine follows links before it reads.
 */
class UploadsFenceTest {

    @Test
    void shouldReadOwnUploadsButFollowNoLinkIntoAnotherWorkspacesUploads(@TempDir Path temp) throws IOException {
        Path data = Files.createDirectories(temp.resolve("data"));
        Path area = data.resolve("uploads");
        Path own = Files.createDirectories(area.resolve("a"));
        Path other = Files.createDirectories(area.resolve("b"));
        Files.writeString(own.resolve("mine.csv"), "x\n1\n");
        Path secret = Files.writeString(other.resolve("secret.csv"), "x\n2\n");
        Files.createSymbolicLink(data.resolve("shortcut.csv"), secret);
        Files.createSymbolicLink(data.resolve("teams"), other);
        Files.createSymbolicLink(own.resolve("borrowed.csv"), secret);
        DataAccess runOfA = new DataAccess(DataRoots.of(List.of(data.toString()), null)
                .withUploads(area.toString(), "a"));

        assertThat(runOfA.readable("{uploads}/mine.csv")).isEqualTo("file://" + own.resolve("mine.csv"));
        for (String path : List.of(data + "/shortcut.csv", data + "/teams/secret.csv", "{uploads}/borrowed.csv",
                "{uploads}/*.csv")) {
            assertThatThrownBy(() -> runOfA.readable(path)).as(path).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("another workspace's uploads");
        }
        assertThatThrownBy(() -> runOfA.readable(secret.toString())).hasMessageContaining("uploads of workspaces");
    }
}
