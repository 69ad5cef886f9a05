package io.easel.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.settings.EaselProperties;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model store on a real (in-process) HDFS, configured as {@code easel.model-store=hdfs://…}. Starting the mini
 * cluster takes about half a minute here (its web UIs), so this is the only HDFS test.
 */
class HdfsModelStoreTest {

    static MiniDFSCluster hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        // Outside Spring nothing sets log levels, and the mini cluster logs thousands of lines at INFO.
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache.hadoop"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path base = Files.createDirectories(Path.of("target", "hdfs-model-store")).toAbsolutePath();
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, Files.createTempDirectory(base, "dfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void shouldReadTheFilesTheEngineWroteToAnHdfsStore() throws Exception {
        String configured = hdfs.getURI() + "/easel/models";
        ModelStore store = new ModelStore(new EaselProperties(Path.of("target"), configured));
        UUID run = UUID.randomUUID();
        String pmmlUri = store.pmmlLocation(run, "gbdt").toString();
        FileSystem fileSystem = hdfs.getFileSystem();
        byte[] pmml = ModelFixture.CREDIT_GBDT.resource("model.pmml");
        try (OutputStream out = fileSystem.create(new org.apache.hadoop.fs.Path(pmmlUri))) {
            out.write(pmml);
        }

        assertThat(store.root().toString()).isEqualTo(configured + "/");
        assertThat(pmmlUri).isEqualTo(configured + "/" + run + "/gbdt/model.pmml");
        assertThat(store.read(pmmlUri)).isEqualTo(pmml);
        String missing = ModelStore.sibling(pmmlUri, "model.json");
        assertThatThrownBy(() -> store.read(missing)).isInstanceOf(ModelStoreException.class)
                .hasMessageContaining(missing);
    }
}
