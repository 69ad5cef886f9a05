package io.easel.server.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.hadoop.HadoopAccess;
import io.easel.server.hadoop.KerberosProperties;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.minikdc.MiniKdc;
import org.apache.hadoop.security.UserGroupInformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model store on a Kerberos-secured HDFS: a real KDC (MiniKdc) and a MiniDFSCluster whose NameNode and DataNode
 * accept only Kerberos, with block access tokens and SASL on data transfer, as a secured production cluster. The
 * server reads the cluster's client configuration from {@code HADOOP_CONF_DIR} and signs in with its own principal
 * and keytab ({@code easel.hadoop.kerberos.*}).
 *
 * <p>Every read runs as a user without Kerberos credentials, as a server without {@code kinit}: the keytab alone
 * has to make the read work. (The test JVM's own login user is the cluster's, which its daemons signed in as.)
 */
class KerberizedModelStoreIT {

    static MiniKdc kdc;
    static MiniDFSCluster cluster;
    static Path hadoopConfDir;
    static Path easelKeytab;
    static String easelPrincipal;

    @BeforeAll
    static void startSecuredHdfs() throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.apache"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Path base = Files.createTempDirectory(Files.createDirectories(Path.of("target", "kerberos")).toAbsolutePath(),
                "kdc");
        kdc = new MiniKdc(MiniKdc.createConf(), Files.createDirectories(base.resolve("kdc")).toFile());
        kdc.start();
        Path clusterKeytab = base.resolve("hdfs.keytab");
        kdc.createPrincipal(clusterKeytab.toFile(), "hdfs/localhost", "HTTP/localhost");
        easelKeytab = base.resolve("easel.keytab");
        kdc.createPrincipal(easelKeytab.toFile(), "easel/localhost");
        easelPrincipal = "easel/localhost@" + kdc.getRealm();

        Configuration conf = new Configuration();
        conf.set("hadoop.security.authentication", "kerberos");
        String hdfsPrincipal = "hdfs/localhost@" + kdc.getRealm();
        conf.set("dfs.namenode.kerberos.principal", hdfsPrincipal);
        conf.set("dfs.namenode.keytab.file", clusterKeytab.toString());
        conf.set("dfs.datanode.kerberos.principal", hdfsPrincipal);
        conf.set("dfs.datanode.keytab.file", clusterKeytab.toString());
        conf.set("dfs.web.authentication.kerberos.principal", "HTTP/localhost@" + kdc.getRealm());
        conf.set("dfs.web.authentication.kerberos.keytab", clusterKeytab.toString());
        conf.setBoolean("dfs.block.access.token.enable", true);
        conf.set("dfs.data.transfer.protection", "authentication");
        conf.set("dfs.http.policy", "HTTP_ONLY");
        // SASL on data transfer instead of privileged ports (which need root and jsvc).
        conf.setBoolean("ignore.secure.ports.for.testing", true);
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.resolve("dfs").toString());
        UserGroupInformation.setConfiguration(conf);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();

        // The gateway's client configuration, as HADOOP_CONF_DIR holds it.
        hadoopConfDir = Files.createDirectories(base.resolve("conf"));
        try (OutputStream out = Files.newOutputStream(hadoopConfDir.resolve("core-site.xml"))) {
            cluster.getConfiguration(0).writeXml(out);
        }
    }

    @AfterAll
    static void stopSecuredHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
        if (kdc != null) {
            kdc.stop();
        }
        // Kerberos is JVM-wide state in Hadoop: later tests in this JVM talk to unsecured clusters.
        UserGroupInformation.reset();
    }

    @Test
    void shouldReadAModelWithTheKeytabAndRefuseWithoutOneNamingTheMissingSettings() throws Exception {
        String pmmlUri = writeModel();
        byte[] pmml = ModelFixture.CREDIT_GBDT.resource("model.pmml");

        ModelStore withKeytab = store(new KerberosProperties(easelPrincipal, easelKeytab));
        assertThat(withoutCredentials(() -> withKeytab.read(pmmlUri))).isEqualTo(pmml);

        ModelStore withoutKeytab = store(KerberosProperties.NONE);
        assertThatThrownBy(() -> withoutCredentials(() -> withoutKeytab.read(pmmlUri)))
                .isInstanceOf(ModelStoreException.class)
                .hasMessage("Cannot read " + pmmlUri + " from the model store: " + HadoopAccess.KERBEROS_REQUIRED);
    }

    @Test
    void shouldStopTheServerWhenTheKdcRefusesTheKeytabNamingThePrincipal() {
        // The keytab holds easel/localhost's keys only.
        String other = "other/localhost@" + kdc.getRealm();

        assertThatThrownBy(() -> store(new KerberosProperties(other, easelKeytab)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Cannot sign in to Kerberos as " + other + " with the keytab " + easelKeytab);
    }

    @Test
    void shouldSayWhatToSetWhenTheClusterRefusesAWrite() {
        HadoopAccess withoutKeytab = hadoop(KerberosProperties.NONE);
        org.apache.hadoop.fs.Path runs = new org.apache.hadoop.fs.Path(
                "hdfs://localhost:" + cluster.getNameNodePort() + "/easel/runs");

        // As the run workspace writes a run's experiment for a cluster-mode driver.
        assertThatThrownBy(() -> withoutCredentials(() -> {
            try {
                return withoutKeytab.fileSystem(runs).mkdirs(runs);
            } catch (IOException e) {
                throw withoutKeytab.explained(e);
            }
        })).isInstanceOf(IOException.class).hasMessage(HadoopAccess.KERBEROS_REQUIRED);
    }

    private static String writeModel() throws Exception {
        String uri = "hdfs://localhost:" + cluster.getNameNodePort() + "/easel/models/" + UUID.randomUUID()
                + "/gbdt/model.pmml";
        FileSystem fileSystem = cluster.getFileSystem();
        try (OutputStream out = fileSystem.create(new org.apache.hadoop.fs.Path(uri))) {
            out.write(ModelFixture.CREDIT_GBDT.resource("model.pmml"));
        }
        return uri;
    }

    private static ModelStore store(KerberosProperties kerberos) {
        HadoopAccess hadoop = hadoop(kerberos);
        String root = "hdfs://localhost:" + cluster.getNameNodePort() + "/easel/models";
        return new ModelStore(new EaselProperties(Path.of("target"), root), hadoop);
    }

    /** The server's Hadoop access with the gateway's client configuration. */
    private static HadoopAccess hadoop(KerberosProperties kerberos) {
        return new HadoopAccess(kerberos,
                HadoopAccess.siteConfiguration(Map.of("HADOOP_CONF_DIR", hadoopConfDir.toString())));
    }

    /** Runs {@code read} as a user with no Kerberos ticket of its own. */
    private static <T> T withoutCredentials(PrivilegedExceptionAction<T> read) throws Exception {
        return UserGroupInformation.createRemoteUser("nobody").doAs(read);
    }
}
