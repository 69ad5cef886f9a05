package io.easel.server.hadoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KerberosPropertiesTest {

    @Test
    void shouldRefuseToStartWithAKeytabThatCannotBeReadNamingTheFile() {
        Path missing = Path.of("target", "no-such.keytab").toAbsolutePath();

        assertThatThrownBy(() -> new KerberosProperties("easel@EXAMPLE.COM", missing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("easel.hadoop.kerberos.keytab names " + missing
                        + ", which does not exist or cannot be read by the server");
    }

    @Test
    void shouldNameTheHalfThatIsMissing() throws Exception {
        Path keytab = Files.createTempFile(Files.createDirectories(Path.of("target")), "easel", ".keytab");

        assertThatThrownBy(() -> new KerberosProperties("easel@EXAMPLE.COM", null))
                .hasMessage("easel.hadoop.kerberos.principal is set, so easel.hadoop.kerberos.keytab must name its "
                        + "keytab file");
        assertThatThrownBy(() -> new KerberosProperties(" ", keytab))
                .hasMessage("easel.hadoop.kerberos.keytab is set, so easel.hadoop.kerberos.principal must name its "
                        + "principal");
        assertThat(new KerberosProperties(null, null).configured()).isFalse();
        assertThat(new KerberosProperties("easel@EXAMPLE.COM", keytab).configured()).isTrue();
    }
}
