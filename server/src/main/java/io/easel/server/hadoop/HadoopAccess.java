package io.easel.server.hadoop;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.login.LoginException;
import javax.security.sasl.SaslException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.KerberosAuthException;
import org.apache.hadoop.security.UserGroupInformation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The server's way into Hadoop (model store, run workspaces, status files, uploads, YARN's client API): the
 * cluster's client configuration from {@code HADOOP_CONF_DIR}, and, on a Kerberos-secured cluster, the identity of
 * {@link KerberosProperties}. The keytab login happens once, at start, so a wrong principal or keytab stops the
 * server with the reason instead of failing every later request; the ticket is renewed from the keytab before use.
 *
 * <p>The login is kept in its own {@link UserGroupInformation} rather than made the JVM's login user: file systems
 * are opened as that user (a Hadoop file system keeps the user it was opened by), and nothing else in the JVM
 * changes identity.
 */
@Component
public class HadoopAccess {

    /** What a secured cluster needs and the server lacks, as the sentence people read. */
    public static final String KERBEROS_REQUIRED = "The Hadoop cluster requires Kerberos: set "
            + KerberosProperties.PRINCIPAL + " and " + KerberosProperties.KEYTAB;

    private static final Logger log = LoggerFactory.getLogger(HadoopAccess.class);
    private static final String AUTHENTICATION = "hadoop.security.authentication";
    /** Where a Hadoop gateway machine keeps the cluster's client files, in the order spark-submit reads them. */
    private static final List<String> CONFIGURATION_DIRECTORIES = List.of("HADOOP_CONF_DIR", "YARN_CONF_DIR");
    private static final List<String> CONFIGURATION_FILES = List.of("core-site.xml", "hdfs-site.xml",
            "yarn-site.xml");
    /** How Hadoop's RPC client and the JDK's GSS say that the caller had no usable Kerberos credentials. */
    private static final List<String> AUTHENTICATION_FAILURES = List.of("SIMPLE authentication is not enabled",
            "cannot authenticate via", "GSS initiate failed", "Kerberos tgt");

    private final Configuration configuration;
    private final KerberosProperties kerberos;
    /** The keytab's user; null to act as the process itself (an unsecured cluster, or a ticket from kinit). */
    private final UserGroupInformation keytabUser;

    @Autowired
    HadoopAccess(KerberosProperties kerberos) {
        this(kerberos, siteConfiguration(System.getenv()));
    }

    /**
     * @throws IllegalStateException naming the principal when the KDC refuses the keytab's login
     */
    public HadoopAccess(KerberosProperties kerberos, Configuration configuration) {
        this.kerberos = kerberos;
        this.configuration = configuration;
        if (kerberos.configured()) {
            // A principal and keytab mean a secured cluster, even where no site file says so.
            configuration.set(AUTHENTICATION, "kerberos");
        }
        if (secured()) {
            UserGroupInformation.setConfiguration(configuration);
        }
        this.keytabUser = kerberos.configured() ? login(kerberos) : null;
        if (secured() && keytabUser == null && !hasTicket()) {
            log.warn("{} (or run the server with a ticket from kinit); until then HDFS refuses the server",
                    KERBEROS_REQUIRED);
        }
    }

    /**
     * The client configuration, the one place the server reads the cluster's files: Hadoop's defaults and the
     * {@code core-site.xml}, {@code hdfs-site.xml} and {@code yarn-site.xml} of {@code HADOOP_CONF_DIR} and
     * {@code YARN_CONF_DIR}, as spark-submit reads them on a Hadoop gateway machine.
     */
    public static Configuration siteConfiguration(Map<String, String> environment) {
        Configuration configuration = new Configuration();
        for (String variable : CONFIGURATION_DIRECTORIES) {
            String directory = environment.get(variable);
            if (directory == null || directory.isBlank()) {
                continue;
            }
            for (String file : CONFIGURATION_FILES) {
                Path site = Path.of(directory, file);
                if (Files.isRegularFile(site)) {
                    configuration.addResource(new org.apache.hadoop.fs.Path(site.toUri()));
                }
            }
        }
        return configuration;
    }

    public Configuration configuration() {
        return configuration;
    }

    public KerberosProperties kerberos() {
        return kerberos;
    }

    /** Whether the cluster authenticates with Kerberos. */
    public boolean secured() {
        return "kerberos".equalsIgnoreCase(configuration.get(AUTHENTICATION));
    }

    /** The file system of {@code path}, opened as the keytab's user when there is one. */
    public FileSystem fileSystem(org.apache.hadoop.fs.Path path) throws IOException {
        return asServer(() -> path.getFileSystem(configuration));
    }

    /**
     * Runs {@code action} as the keytab's user when there is one (renewing its ticket first when due), otherwise as
     * the process: for Hadoop calls that open their own file system, such as Parquet's.
     */
    public <T> T asServer(PrivilegedExceptionAction<T> action) throws IOException {
        if (keytabUser == null) {
            try {
                return action.run();
            } catch (IOException | RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        keytabUser.checkTGTAndReloginFromKeytab();
        try {
            return keytabUser.doAs(action);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while acting as " + kerberos.principal());
        }
    }

    /**
     * What to tell people when {@code failure} is the cluster refusing the server's identity: which settings are
     * missing, or which principal was refused; empty for any other failure.
     */
    public Optional<String> kerberosProblem(Throwable failure) {
        if (!refusedAuthentication(failure)) {
            return Optional.empty();
        }
        if (!kerberos.configured()) {
            return Optional.of(KERBEROS_REQUIRED);
        }
        return Optional.of("The Hadoop cluster refused the Kerberos principal " + kerberos.principal() + " ("
                + KerberosProperties.PRINCIPAL + "): " + failure.getMessage());
    }

    /** {@code failure}, or when the cluster refused the server's identity, a failure saying what to set. */
    public IOException explained(IOException failure) {
        return kerberosProblem(failure).map(problem -> new IOException(problem, failure)).orElse(failure);
    }

    private static boolean refusedAuthentication(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SaslException || cause instanceof KerberosAuthException
                    || cause instanceof LoginException) {
                return true;
            }
            String message = cause.getMessage();
            if (message != null && AUTHENTICATION_FAILURES.stream().anyMatch(message::contains)) {
                return true;
            }
        }
        return false;
    }

    private static UserGroupInformation login(KerberosProperties kerberos) {
        try {
            UserGroupInformation user = UserGroupInformation.loginUserFromKeytabAndReturnUGI(kerberos.principal(),
                    kerberos.keytab().toString());
            log.info("Signed in to Kerberos as {} for Hadoop", kerberos.principal());
            return user;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot sign in to Kerberos as " + kerberos.principal()
                    + " with the keytab " + kerberos.keytab() + " (" + KerberosProperties.PRINCIPAL + ", " + KerberosProperties.KEYTAB
                    + "): " + e.getMessage(), e);
        }
    }

    private static boolean hasTicket() {
        try {
            return UserGroupInformation.getLoginUser().hasKerberosCredentials();
        } catch (IOException e) {
            return false;
        }
    }
}
