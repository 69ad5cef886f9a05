package io.easel.run;

import io.easel.component.Example;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where a run may read data files: the data roots the server is configured with, each a directory of one file system
 * ({@code /srv/easel/data}, {@code file:///srv/easel/data}, {@code hdfs://namenode:8020/datasets}). The server hands
 * them to the engine with each run (never from the experiment), checks path params against them when it validates,
 * and the engine checks them again before it reads.
 *
 * <p>A path is judged by its text alone, before any file system is asked: its scheme and host must be those of a
 * root (so no other host is ever contacted), and its directories must lie under the root's. {@code .} and
 * {@code ..} segments, percent escapes, {@code {…}} and {@code […]} patterns and backslashes are refused rather than
 * interpreted, so the path the file system sees is the path that was checked; {@code *} and {@code ?} may match
 * names within a directory under a root. A leading {@value #SAMPLES} stands for the bundled samples directory, which
 * counts as a root.
 *
 * <p>Uploads from the browser are fenced: the uploads area holds one directory per workspace, and a run reads only
 * its own workspace's ({@value #UPLOADS} in a path), never another's, also not by its full path, a pattern or a
 * directory above them (which Spark would read down into).
 *
 * @param roots where data may be read, as normalised locations
 * @param samples the bundled samples directory, or null when there is none
 * @param uploads the uploads of the run's workspace ({@value #UPLOADS}), which count as a root; null for none
 * @param uploadsArea the directory of every workspace's uploads, of which only {@code uploads} may be read; null for
 *     no fence
 */
public record DataRoots(List<Location> roots, Location samples, Location uploads, Location uploadsArea) {

    /** The placeholder of the samples directory in paths (as component examples write it). */
    public static final String SAMPLES = Example.SAMPLES;

    /** The placeholder of the run's own workspace's uploads in paths. */
    public static final String UPLOADS = "{uploads}";

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):(.*)$", Pattern.DOTALL);
    private static final String REFUSED_CHARACTERS = "{}[]\\%";

    public DataRoots {
        roots = List.copyOf(roots);
        if (uploads != null && (uploadsArea == null || !uploadsArea.contains(uploads))) {
            throw new IllegalArgumentException("The uploads " + uploads + " must lie in the uploads area "
                    + uploadsArea);
        }
    }

    /** Roots without uploads. */
    public DataRoots(List<Location> roots, Location samples) {
        this(roots, samples, null, null);
    }

    /**
     * @param roots where data may be read: absolute paths or file system URIs
     * @param samples the samples directory, or null for none
     * @throws IllegalArgumentException naming a root that is not an absolute directory location
     */
    public static DataRoots of(List<String> roots, String samples) {
        List<Location> all = new ArrayList<>();
        for (String root : roots) {
            all.add(root(root));
        }
        Location sampleRoot = samples == null || samples.isBlank() ? null : root(samples);
        if (sampleRoot != null && !all.contains(sampleRoot)) {
            all.add(sampleRoot);
        }
        return new DataRoots(all, sampleRoot);
    }

    /**
     * These roots for a run of one workspace: {@value #UPLOADS} stands for {@code <area>/<workspace>}, which is read
     * even when no root holds it, and nothing else in {@code area} is read or written.
     *
     * @param area the directory of every workspace's uploads (an absolute path or URI)
     * @param workspace the name of the workspace's directory in it: one plain segment; null for none (then no
     *     upload is read at all)
     */
    public DataRoots withUploads(String area, String workspace) {
        Location fence = root(area);
        if (workspace == null) {
            return new DataRoots(roots, samples, null, fence);
        }
        if (workspace.isBlank() || workspace.contains("/") || workspace.contains("*")
                || workspace.contains("?") || workspace.equals(".") || workspace.equals("..")) {
            throw new IllegalArgumentException("'" + workspace + "' cannot name a workspace's uploads directory");
        }
        List<String> segments = new ArrayList<>(fence.segments());
        segments.add(workspace);
        Location own = new Location(fence.scheme(), fence.authority(), segments);
        List<Location> all = new ArrayList<>(roots);
        if (all.stream().noneMatch(root -> root.contains(own))) {
            all.add(own);
        }
        return new DataRoots(all, samples, own, fence);
    }

    /** Whether {@code path} names one of the run's own uploads ({@value #UPLOADS}{@code /…}). */
    public static boolean isUpload(String path) {
        return path != null && path.strip().startsWith(UPLOADS);
    }

    /** No root at all: every data path is refused. */
    public static DataRoots none() {
        return new DataRoots(List.of(), null);
    }

    /** The roots as their URIs, for messages and command lines. */
    public List<String> uris() {
        return roots.stream().map(Location::uri).toList();
    }

    /**
     * The location a path param names, once it is known to lie under a root.
     *
     * @throws IllegalArgumentException saying why the path may not be read (in words for the person who wrote it)
     */
    public Location resolve(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("the path is empty");
        }
        String text = path.strip();
        if (text.startsWith(SAMPLES)) {
            if (samples == null) {
                throw new IllegalArgumentException("'" + SAMPLES + "' stands for the bundled samples directory, "
                        + "which this server does not have");
            }
            text = samples.uri() + "/" + text.substring(SAMPLES.length());
        } else if (text.startsWith(UPLOADS)) {
            if (uploads == null) {
                throw new IllegalArgumentException("'" + UPLOADS + "' stands for the uploads of the experiment's "
                        + "workspace, which are not available here");
            }
            text = uploads.uri() + "/" + text.substring(UPLOADS.length());
        }
        Location location = parse(text, path);
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' cannot be read: no data roots are configured "
                    + "(easel.data.roots)");
        }
        boolean knownFileSystem = roots.stream().anyMatch(root -> root.sameFileSystem(location));
        if (!knownFileSystem) {
            throw new IllegalArgumentException("'" + path + "' is on a file system Easel may not reach ("
                    + location.fileSystem() + "); data is read only under " + String.join(", ", uris()));
        }
        if (roots.stream().noneMatch(root -> root.contains(location))) {
            throw new IllegalArgumentException("'" + path + "' is outside the data roots; data is read only under "
                    + String.join(", ", uris()));
        }
        if (uploadsArea != null && uploadsArea.mayReach(location)
                && (uploads == null || !uploads.contains(location))) {
            throw new IllegalArgumentException("'" + path + "' reaches into the uploads of workspaces; a run reads "
                    + "only its own workspace's uploads, as " + UPLOADS + "/<file name>");
        }
        return location;
    }

    /**
     * The location a path to write names: under a root, strictly below it (a root itself is never replaced), not
     * under the bundled samples (which every run reads and the engine writes), and no pattern.
     *
     * @throws IllegalArgumentException saying why the path may not be written
     */
    public Location resolveWritable(String path) {
        Location location = resolve(path);
        if (samples != null && samples.contains(location)) {
            throw new IllegalArgumentException("'" + path + "' is in the bundled samples directory, which is read "
                    + "only; write under " + writableText());
        }
        if (location.segments().stream().anyMatch(s -> s.contains("*") || s.contains("?"))) {
            throw new IllegalArgumentException("'" + path + "' holds * or ?; name the one file or directory to write");
        }
        if (roots.contains(location)) {
            throw new IllegalArgumentException("'" + path + "' is a data root itself; name a file or directory "
                    + "inside it");
        }
        if (uploadsArea != null && uploadsArea.mayReach(location)) {
            throw new IllegalArgumentException("'" + path + "' is among the uploads, which only the upload dialog "
                    + "adds to; write under " + writableText());
        }
        return location;
    }

    private String writableText() {
        List<String> writable = roots.stream().filter(root -> !root.equals(samples) && !root.equals(uploads))
                .map(Location::uri).toList();
        return writable.isEmpty() ? "a data root (none but the samples is configured: easel.data.roots)"
                : String.join(", ", writable);
    }

    /** The root a resolved location lies under. */
    public Location rootOf(Location location) {
        return roots.stream().filter(root -> root.contains(location)).findFirst().orElseThrow(
                () -> new IllegalArgumentException(location + " is under no data root"));
    }

    private static Location root(String root) {
        Location location = parse(root.strip(), root);
        if (location.segments().stream().anyMatch(s -> s.contains("*") || s.contains("?"))) {
            throw new IllegalArgumentException("Data root '" + root + "' must be a directory, not a pattern");
        }
        return location;
    }

    private static Location parse(String text, String original) {
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("'" + printable(original) + "' holds a control character");
            }
            if (REFUSED_CHARACTERS.indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + original + "' holds '" + c + "', which a data path may not "
                        + "hold (no escapes, backslashes or {…}/[…] patterns; * and ? are allowed)");
            }
        }
        String scheme = "file";
        String authority = "";
        String rest = text;
        Matcher withScheme = SCHEME.matcher(text);
        if (withScheme.matches() && withScheme.group(1).length() > 1) { // one letter would be a Windows drive
            scheme = withScheme.group(1).toLowerCase(Locale.ROOT);
            rest = withScheme.group(2);
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                authority = (slash < 0 ? rest.substring(2) : rest.substring(2, slash)).toLowerCase(Locale.ROOT);
                rest = slash < 0 ? "/" : rest.substring(slash);
            }
        }
        if (scheme.equals("file") && !authority.isEmpty() && !authority.equals("localhost")) {
            throw new IllegalArgumentException("'" + original + "' names a host (" + authority + "), which a local "
                    + "file path cannot");
        }
        if (scheme.equals("file")) {
            authority = "";
        }
        if (!rest.startsWith("/")) {
            throw new IllegalArgumentException("'" + original + "' is not an absolute path; give the whole path, "
                    + "starting with / (or a file system URI such as hdfs://namenode:8020/…)");
        }
        List<String> segments = Arrays.stream(rest.split("/")).filter(s -> !s.isEmpty()).toList();
        for (String segment : segments) {
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("'" + original + "' holds '" + segment + "'; give the path "
                        + "without . or .. segments");
            }
        }
        return new Location(scheme, authority, segments);
    }

    private static String printable(String text) {
        return text.chars().mapToObj(c -> c < 0x20 || c == 0x7f ? String.format("\\u%04x", c)
                : String.valueOf((char) c)).collect(Collectors.joining());
    }

    /**
     * A normalised location: a file system (scheme and authority) and the directory names down from its root.
     *
     * @param authority lower case; empty for local files
     */
    public record Location(String scheme, String authority, List<String> segments) {

        public Location {
            Objects.requireNonNull(scheme, "scheme");
            Objects.requireNonNull(authority, "authority");
            segments = List.copyOf(segments);
        }

        /** As Hadoop and Spark read it: {@code file:///a/b} or {@code hdfs://nn:8020/a/b}. */
        public String uri() {
            return scheme + "://" + authority + "/" + String.join("/", segments);
        }

        /** The local path of a {@code file} location ({@code /a/b}); for other file systems the path part. */
        public String path() {
            return "/" + String.join("/", segments);
        }

        public boolean isLocal() {
            return scheme.equals("file");
        }

        /** Whether a location's non-pattern directories start with all of this one's. */
        public boolean contains(Location other) {
            return sameFileSystem(other) && other.segments.size() >= segments.size()
                    && other.segments.subList(0, segments.size()).equals(segments);
        }

        /**
         * Whether reading {@code other} could read anything in this directory: it lies in it, or it is a directory
         * above it (Spark reads down into directories), or a pattern that matches either.
         */
        boolean mayReach(Location other) {
            if (!sameFileSystem(other)) {
                return false;
            }
            int compared = Math.min(segments.size(), other.segments.size());
            for (int i = 0; i < compared; i++) {
                String theirs = other.segments.get(i);
                if (!theirs.equals(segments.get(i)) && !globMatches(theirs, segments.get(i))) {
                    return false;
                }
            }
            return true;
        }

        private static boolean globMatches(String pattern, String name) {
            if (!pattern.contains("*") && !pattern.contains("?")) {
                return false;
            }
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return name.matches(regex.toString());
        }

        boolean sameFileSystem(Location other) {
            return scheme.equals(other.scheme) && authority.equals(other.authority);
        }

        String fileSystem() {
            return scheme + "://" + authority;
        }

        @Override
        public String toString() {
            return uri();
        }
    }
}
