package io.easel.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.InProcessHdfs;
import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.settings.EaselProperties;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model store on a real (in-process) HDFS, configured as {@code easel.model-store=hdfs://…}.
 */
class HdfsModelStoreTest {

    static InProcessHdfs hdfs;

    @BeforeAll
    static void startHdfs() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "hdfs-model-store")).toAbsolutePath();
        hdfs = InProcessHdfs.start(Files.createTempDirectory(base, "dfs"));
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.close();
        }
    }

    @Test
    void shouldReadTheFilesTheEngineWroteToAnHdfsStore() throws Exception {
        String configured = hdfs.uri() + "/easel/models";
        ModelStore store = new ModelStore(new EaselProperties(Path.of("target"), configured),
                new HadoopAccess(KerberosProperties.NONE, new Configuration()));
        UUID run = UUID.randomUUID();
        String pmmlUri = store.pmmlLocation(run, "gbdt").toString();
        FileSystem fileSystem = hdfs.fileSystem();
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
