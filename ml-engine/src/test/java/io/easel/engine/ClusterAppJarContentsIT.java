package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What {@code easel-ml-engine-app.jar} holds: Easel, JPMML and HanLP, never a class the cluster already has, and the merged
 * registries; and that it and the stand-in distribution's {@code jars/} together are exactly the engine's
 * {@code lib/} (nothing lost, nothing twice).
 */
class ClusterAppJarContentsIT {

    private static final String SPARKML2PMML = "META-INF/sparkml2pmml.properties";

    private static Set<String> appEntries;

    @BeforeAll
    static void readAppJar() throws IOException {
        try (JarFile jar = new JarFile(SparkHome.appJar().toFile())) {
            appEntries = new TreeSet<>(jar.stream().map(ZipEntry::getName).toList());
        }
    }

    @Test
    void shouldHoldNoSparkScalaOrHadoopClass() {
        assertThat(appEntries).filteredOn(e -> e.startsWith("org/apache/spark/") || e.startsWith("scala/")
                || e.startsWith("org/apache/hadoop/")).isEmpty();
        assertThat(appEntries).contains("io/easel/engine/EngineMain.class",
                "io/easel/components/transform/ColumnTypeCast.class",
                "org/jpmml/sparkml/PMMLBuilder.class", "META-INF/easel/catalog.json",
                "META-INF/easel/components.index");
    }

    @Test
    void shouldShareNoClassWithTheJarsTheClusterProvides() throws IOException {
        Set<String> appClasses = new HashSet<>(appEntries.stream().filter(e -> e.endsWith(".class"))
                .filter(e -> !e.endsWith("module-info.class")).toList());
        Set<String> clashes = new TreeSet<>();
        for (Path provided : jarsIn(SparkHome.jars())) {
            try (JarFile jar = new JarFile(provided.toFile())) {
                jar.stream().map(ZipEntry::getName).filter(appClasses::contains)
                        .forEach(c -> clashes.add(provided.getFileName() + ": " + c));
            }
        }
        assertThat(clashes).isEmpty();
    }

    @Test
    void shouldTogetherWithTheProvidedJarsBeExactlyTheEngineLibrary() {
        Set<String> bundled = new TreeSet<>();
        appEntries.stream().filter(e -> e.startsWith("META-INF/maven/") && e.endsWith("/pom.properties"))
                .map(ClusterAppJarContentsIT::appProperties)
                .filter(p -> !"easel-ml-engine".equals(p.getProperty("artifactId")))
                .forEach(p -> bundled.add(p.getProperty("artifactId") + "-" + p.getProperty("version") + ".jar"));
        Set<String> provided = fileNames(SparkHome.jars());
        Set<String> library = fileNames(SparkHome.engineDirectory().resolve("lib"));

        assertThat(bundled).containsExactlyInAnyOrder("easel-component-api-0.1.0-SNAPSHOT.jar",
                "easel-components-builtin-0.1.0-SNAPSHOT.jar", "pmml-sparkml-3.2.0.jar", "pmml-converter-1.6.3.jar",
                "pmml-model-1.7.4.jar", "pmml-model-metro-1.7.4.jar", "pmml-evaluator-1.7.4.jar",
                "pmml-evaluator-metro-1.7.4.jar", "hanlp-portable-1.8.6.jar", "t-digest-3.3.jar");
        assertThat(provided).doesNotContainAnyElementsOf(bundled);
        Set<String> together = new TreeSet<>(provided);
        together.addAll(bundled);
        assertThat(together).isEqualTo(library);
    }

    @Test
    void shouldMergeJpmmlConvertersAndEaselsOwnIntoOneRegistry() throws IOException {
        Properties merged = appProperties(SPARKML2PMML);
        Path jpmmlJar = jarsIn(SparkHome.engineDirectory().resolve("lib")).stream()
                .filter(j -> j.getFileName().toString().startsWith("pmml-sparkml-")).findFirst().orElseThrow();
        Properties jpmml = new Properties();
        try (JarFile jar = new JarFile(jpmmlJar.toFile()); InputStream in = jar.getInputStream(
                jar.getEntry(SPARKML2PMML))) {
            jpmml.load(in);
        }

        assertThat(jpmml).hasSizeGreaterThan(20).containsKey("org.apache.spark.ml.feature.VectorAssembler");
        assertThat(merged).containsAllEntriesOf(jpmml).containsEntry(
                "io.easel.components.transform.ColumnTypeCast",
                "io.easel.components.pmml.ColumnTypeCastConverter");
    }

    @Test
    void shouldStartTheEngineAsItsMainClass() throws IOException {
        try (JarFile jar = new JarFile(SparkHome.appJar().toFile())) {
            assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
                    .isEqualTo("io.easel.engine.EngineMain");
        }
    }

    private static Properties appProperties(String entry) {
        try (JarFile jar = new JarFile(SparkHome.appJar().toFile());
                InputStream in = jar.getInputStream(jar.getEntry(entry))) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> jarsIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> fileNames(Path directory) {
        return new TreeSet<>(jarsIn(directory).stream().map(f -> f.getFileName().toString()).toList());
    }
}
