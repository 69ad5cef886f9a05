package io.easel.components.builtin.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.TableData;
import io.easel.components.testing.TestRun;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file sources read only under the run's data roots (in tests: the build's test files and the temporary
 * directory): not the host's secrets, not through {@code ..} or a link, and never from another host.
 */
class DataRootsAttackTest {

    private static final List<String> READERS = List.of("read-csv", "read-json-lines", "read-parquet");

    @Test
    void shouldNotReadTheHostsFilesUnderAnySpelling() {
        for (String path : List.of("/etc/shadow", "/etc/passwd", "file:///etc/passwd", "file:/etc/passwd",
                "file://localhost/etc/passwd", "/etc//passwd", "/etc/pass*")) {
            for (String reader : READERS) {
                assertThatThrownBy(() -> read(reader, path)).as(reader + " " + path)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(reader + ": param 'path': '" + path + "'")
                        .hasMessageContaining("outside the data roots");
            }
        }
    }

    @Test
    void shouldNotClimbOutOfARootWithDotDot(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("inside.csv"), "a\n1\n");
        String traversal = temp + "/../../../../../etc/passwd";

        assertThatThrownBy(() -> read("read-csv", traversal)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read-csv: param 'path'").hasMessageContaining("'..'");
        assertThatThrownBy(() -> read("read-csv", temp + "/./inside.csv")).hasMessageContaining("'.'");
        assertThatThrownBy(() -> read("read-csv", temp + "/%2e%2e/%2e%2e/etc/passwd")).hasMessageContaining("'%'");
        assertThatThrownBy(() -> read("read-csv", temp + "/{inside.csv,../../etc/passwd}"))
                .hasMessageContaining("'{'");
        assertThat(read("read-csv", temp + "/inside.csv").rows().count()).isEqualTo(1);
    }

    @Test
    void shouldNotFollowALinkOutOfARoot(@TempDir Path temp) throws IOException {
        Path linkedFile = Files.createSymbolicLink(temp.resolve("passwd.csv"), Path.of("/etc/passwd"));
        Path linkedDirectory = Files.createSymbolicLink(temp.resolve("etc"), Path.of("/etc"));
        Path data = Files.createDirectories(temp.resolve("data"));
        Files.writeString(data.resolve("ok.csv"), "a\n1\n");
        Files.createSymbolicLink(data.resolve("sneaky.csv"), Path.of("/etc/passwd"));

        for (String path : List.of(linkedFile.toString(), linkedDirectory + "/passwd", data.toString(),
                data + "/*.csv")) {
            assertThatThrownBy(() -> read("read-csv", path)).as(path).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("leads outside the data roots");
        }
        assertThat(read("read-csv", data + "/ok.csv").rows().count()).isEqualTo(1);
    }

    @Test
    void shouldNeverConnectToAnotherHost() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = Thread.ofVirtual().start(() -> {
                while (!foreign.isClosed()) {
                    try (Socket ignored = foreign.accept()) {
                        connections.incrementAndGet();
                    } catch (SocketException closed) {
                        return;
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            String host = "127.0.0.1:" + foreign.getLocalPort();
            for (String path : List.of("http://" + host + "/credit.csv", "https://" + host + "/credit.csv",
                    "hdfs://" + host + "/data/credit.csv", "webhdfs://" + host + "/data/credit.csv",
                    "ftp://" + host + "/credit.csv", "s3a://bucket/credit.csv")) {
                for (String reader : READERS) {
                    assertThatThrownBy(() -> read(reader, path)).as(reader + " " + path)
                            .isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining("on a file system Easel may not reach");
                }
            }
            Thread.sleep(200); // a connection attempt, had there been one, would have been accepted by now
            assertThat(connections).hasValue(0);
            foreign.close();
            listener.join();
        }
    }

    private static TableData read(String reader, String path) {
        return (TableData) TestRun.execute(reader, Map.of("path", path), Map.of()).get("out");
    }
}
