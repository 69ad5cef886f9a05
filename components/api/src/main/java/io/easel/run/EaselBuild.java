package io.easel.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Which Easel built the running code: read from a resource that Maven fills in at build time. */
public final class EaselBuild {

    private static final String RESOURCE = "easel-build.properties";
    private static final String VERSION = read();

    private EaselBuild() {}

    /** The Easel version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" when the code was not built by Maven (an IDE). */
    public static String version() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = EaselBuild.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "");
            // Unfiltered (an IDE copying the resource as is) still says ${…}: no version known.
            return version.isBlank() || version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
