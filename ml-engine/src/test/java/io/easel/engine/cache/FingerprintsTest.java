package io.easel.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.BoundParams;
import io.easel.component.ComponentDescriptor;
import io.easel.components.builtin.source.ReadCsv;
import io.easel.components.builtin.source.ReadJdbc;
import io.easel.components.builtin.source.SyntheticData;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.SparkComponent;
import io.easel.run.DataRoots;
import io.easel.run.ModelLineage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints of sources without Spark: what changes them, what does not, and what is never reused. */
class FingerprintsTest {

    private final Fingerprints fingerprints = new Fingerprints(new Configuration(),
            new DataAccess(DataRoots.of(List.of(), null)));
    private final SparkComponent synthetic = new SyntheticData();
    private final SparkComponent jdbc = new ReadJdbc();

    @Test
    void shouldNotChangeWhenADefaultIsWrittenOutOrANumberIsRetyped() {
        NodeFingerprint plain = assess(synthetic, Map.of("rows", 500, "missingShare", 0)).fingerprint();
        NodeFingerprint explicit = assess(synthetic, Map.of("rows", 500, "missingShare", 0.0, "seed", 42,
                "task", "classification")).fingerprint();

        assertThat(explicit.hash()).isEqualTo(plain.hash()).hasSize(64);
        assertThat(RerunReasons.changes(plain, explicit)).isEmpty();
    }

    @Test
    void shouldNameEveryChangedParamWithBothValues() {
        NodeFingerprint before = assess(synthetic, Map.of("rows", 500)).fingerprint();
        NodeFingerprint after = assess(synthetic, Map.of("rows", 800, "seed", 7)).fingerprint();

        assertThat(after.hash()).isNotEqualTo(before.hash());
        assertThat(RerunReasons.changes(before, after))
                .isEqualTo("param rows changed (500 → 800); param seed changed (42 → 7)");
    }

    @Test
    void shouldNeverReuseADatabaseReadUnlessItIsASnapshot() {
        Map<String, Object> params = Map.of("connection", "examples", "table", "iris");
        Fingerprints.Assessment live = assess(jdbc, params);
        Fingerprints.Assessment again = assess(jdbc, params);
        Fingerprints.Assessment snapshot = assess(jdbc, Map.of("connection", "examples", "table", "iris",
                "snapshot", true));

        assertThat(live.neverReused()).contains("it reads a database table that is not marked as a snapshot");
        // Each read gets a fingerprint of its own, so nothing downstream reuses what came from other rows.
        assertThat(again.fingerprint().hash()).isNotEqualTo(live.fingerprint().hash());
        assertThat(snapshot.neverReused()).isEmpty();
        assertThat(assess(jdbc, Map.of("connection", "examples", "table", "iris", "snapshot", true))
                .fingerprint().hash()).isEqualTo(snapshot.fingerprint().hash());
    }

    @Test
    void shouldTellAnUpgradeOfTheCodeFromAChangeOfTheNode() {
        NodeFingerprint built = assess(synthetic, Map.of("rows", 500)).fingerprint();
        NodeFingerprint upgraded = new NodeFingerprint("other", built.component(), built.version(), "another build",
                built.params(), built.inputs(), built.data());

        assertThat(built.build()).hasSize(64).isEqualTo(assess(jdbc, Map.of()).fingerprint().build());
        assertThat(RerunReasons.changes(upgraded, built)).isEqualTo("Easel or the component's plugin was upgraded");
        // A class of another jar is another build; the jar's digest is computed from its contents, so it is stable.
        assertThat(CodeBuilds.of(SparkSession.class)).isNotEqualTo(built.build())
                .isEqualTo(CodeBuilds.of(SparkSession.class));
    }

    @Test
    void shouldListASourcesFilesForLineageUpToTheCapWhileTheDigestCoversThemAll(@TempDir Path dir)
            throws IOException {
        Path folder = Files.createDirectories(dir.resolve("parts"));
        int count = ModelLineage.MAX_FILES_PER_SOURCE + 5;
        for (int i = 0; i < count; i++) {
            Files.writeString(folder.resolve("part-%05d.csv".formatted(i)), "a,b\n" + i + "," + i + "\n");
        }
        Fingerprints reading = new Fingerprints(new Configuration(),
                new DataAccess(DataRoots.of(List.of(dir.toString()), null)));
        Map<String, Object> params = Map.of("path", folder.toString());

        Fingerprints.Assessment all = assess(reading, new ReadCsv(), params);

        assertThat(all.files().fileCount()).isEqualTo(count);
        assertThat(all.files().files()).hasSize(ModelLineage.MAX_FILES_PER_SOURCE)
                .isSortedAccordingTo(Comparator.comparing(ModelLineage.SourceFile::path));
        ModelLineage.SourceFile firstFile = all.files().files().getFirst();
        assertThat(Path.of(URI.create(firstFile.path()))).isEqualTo(folder.resolve("part-00000.csv"));
        assertThat(firstFile.size()).isEqualTo(Files.size(folder.resolve("part-00000.csv")));
        // A file beyond the listed ones still changes the fingerprint.
        Files.writeString(folder.resolve("part-%05d.csv".formatted(count - 1)), "a,b\n9,9\n9,9\n");
        assertThat(assess(reading, new ReadCsv(), params).fingerprint().hash())
                .isNotEqualTo(all.fingerprint().hash());
        assertThat(assess(synthetic, Map.of("rows", 500)).files()).isNull();
    }

    private Fingerprints.Assessment assess(SparkComponent component, Map<String, Object> params) {
        return assess(fingerprints, component, params);
    }

    private static Fingerprints.Assessment assess(Fingerprints fingerprints, SparkComponent component,
            Map<String, Object> params) {
        ComponentDescriptor descriptor = component.descriptor();
        BoundParams bound = descriptor.bind(params, Map.of(), id -> Optional.empty()).params();
        return fingerprints.assess(descriptor, component.getClass(), bound, Map.of());
    }
}
