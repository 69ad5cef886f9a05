package io.easel.server.hadoop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server signs in to a Kerberos-secured Hadoop cluster ({@code easel.hadoop.kerberos.*}). Both or neither:
 * with both, the server logs in from the keytab for its own HDFS and YARN calls, and every run hands them to Spark
 * ({@code spark.kerberos.principal}, {@code spark.kerberos.keytab}).
 *
 * @param principal the Kerberos principal, e.g. {@code easel/gateway.example.com@EXAMPLE.COM}; null for none
 * @param keytab the keytab file holding the principal's keys, readable by the server's user; null for none
 */
@ConfigurationProperties("easel.hadoop.kerberos")
public record KerberosProperties(String principal, Path keytab) {

    public static final String PRINCIPAL = "easel.hadoop.kerberos.principal";
    public static final String KEYTAB = "easel.hadoop.kerberos.keytab";

    /** No Kerberos credentials: an unsecured cluster, or a ticket from {@code kinit} in the server's environment. */
    public static final KerberosProperties NONE = new KerberosProperties(null, null);

    public KerberosProperties {
        principal = principal == null || principal.isBlank() ? null : principal.trim();
        if (principal != null && keytab == null) {
            throw new IllegalArgumentException(PRINCIPAL + " is set, so " + KEYTAB + " must name its keytab file");
        }
        if (keytab != null && principal == null) {
            throw new IllegalArgumentException(KEYTAB + " is set, so " + PRINCIPAL + " must name its principal");
        }
        if (keytab != null) {
            keytab = keytab.toAbsolutePath().normalize();
            if (!Files.isRegularFile(keytab) || !Files.isReadable(keytab)) {
                throw new IllegalArgumentException(KEYTAB + " names " + keytab
                        + ", which does not exist or cannot be read by the server");
            }
        }
    }

    /** Whether a principal and its keytab are configured. */
    public boolean configured() {
        return principal != null;
    }
}
