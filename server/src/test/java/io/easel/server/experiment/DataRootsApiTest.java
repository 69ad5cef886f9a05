package io.easel.server.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.Api;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The attacks of the issue on the server: an experiment whose file source names the host's secrets, climbs out of
 * the data folder or points at another host is told so when it is saved or validated, and never runs.
 */
@ServerTest
class DataRootsApiTest {

    private static final String SCHEMA = "line:string";

    @LocalServerPort
    int port;

    @Autowired
    EaselProperties easel;

    Api api;

    @BeforeEach
    void client() {
        api = Api.asAdmin(port);
    }

    private static Map<String, Object> readCsv(String path) {
        return Graphs.readingCsv(path, SCHEMA);
    }

    @Test
    void shouldRefuseToRunAnExperimentThatReadsOutsideTheDataRoots() {
        String dataFolder = easel.absoluteDataDir().resolve("data").toString();
        for (String path : List.of("/etc/shadow", "file:///etc/passwd", dataFolder + "/../../../../etc/passwd",
                easel.absoluteDataDir() + "/postgres/postgresql.conf", dataFolder + "/../runs")) {
            Api.Response created = api.post("/api/experiments", readCsv(path));
            assertThat(created.status()).as(created.text()).isEqualTo(201);
            JsonNode error = created.body().at("/validation/errors/0");
            assertThat(error.get("code").asString()).as(path).isEqualTo("PATH_NOT_ALLOWED");
            assertThat(error.get("param").asString()).isEqualTo("path");

            Api.Response run = api.post("/api/experiments/" + created.body().get("id").asString() + "/runs", null);

            assertThat(run.status()).as(path + ": " + run.text()).isEqualTo(422);
            assertThat(run.body().at("/errors/0/code").asString()).isEqualTo("PATH_NOT_ALLOWED");
        }
    }

    @Test
    void shouldNeverLetAnExperimentMakeTheServerConnectToAnotherHost() throws Exception {
        try (ServerSocket foreign = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            AtomicInteger connections = new AtomicInteger();
            Thread listener = Thread.ofVirtual().start(() -> {
                while (!foreign.isClosed()) {
                    try (Socket ignored = foreign.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            String host = "127.0.0.1:" + foreign.getLocalPort();
            for (String path : List.of("http://" + host + "/credit.csv", "hdfs://" + host + "/data/credit.csv")) {
                Api.Response validated = api.post("/api/experiments/validate", readCsv(path).get("graph"));
                assertThat(validated.status()).isEqualTo(200);
                assertThat(validated.body().at("/errors/0/code").asString()).isEqualTo("PATH_NOT_ALLOWED");
                assertThat(validated.body().at("/errors/0/message").asString())
                        .contains("file system Easel may not reach");
                String id = api.post("/api/experiments", readCsv(path)).body().get("id").asString();
                assertThat(api.post("/api/experiments/" + id + "/runs", null).status()).isEqualTo(422);
            }
            Thread.sleep(200);
            assertThat(connections).hasValue(0);
            foreign.close();
            listener.join();
        }
    }

    @Test
    void shouldAcceptPathsUnderTheDataFolderAndTheSamples() {
        String dataFolder = easel.absoluteDataDir().resolve("data").toString();
        for (String path : List.of("{samples}/iris.csv", dataFolder + "/credit.csv", dataFolder + "/2024/*.csv",
                easel.absoluteDataDir().resolve("samples").toUri() + "iris.csv")) {
            JsonNode validation = api.post("/api/experiments/validate", readCsv(path).get("graph")).body();
            assertThat(validation.get("errors")).as(path).isEmpty();
        }
    }
}
