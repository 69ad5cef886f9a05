package io.easel.components;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.easel.components.builtin.source.SampleDataset;
import io.easel.components.spi.SparkComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build finds components by scanning, writes catalog and index, and the engine loads them by the index. */
class ComponentRegistryTest {

    private static final Path CLASSES = Path.of("target/classes");
    private static final List<String> BUILT_IN = List.of(ComponentScan.BUILT_IN);

    @Test
    void shouldLoadEveryBuiltInComponentFromTheIndex() throws Exception {
        ComponentRegistry registry = ComponentRegistry.load();

        List<String> scanned = ComponentScan.inDirectory(CLASSES, BUILT_IN, getClass().getClassLoader());
        assertThat(scanned).isNotEmpty();
        assertThat(registry.components()).hasSameSizeAs(scanned);
        assertThat(Files.readAllLines(CLASSES.resolve(ComponentRegistry.INDEX)))
                .containsExactlyElementsOf(registry.components().stream().map(c -> c.getClass().getName())
                        .sorted().toList());
        assertThat(registry.byId("gbdt-classifier").descriptor().id()).isEqualTo("gbdt-classifier");
    }

    @Test
    void shouldFindTheSameComponentsByScanningWhenThereIsNoIndex() {
        List<String> scanned = ComponentScan.onClassPath(getClass().getClassLoader());

        assertThat(scanned).hasSize(ComponentRegistry.load().components().size())
                .allMatch(name -> name.startsWith(ComponentScan.BUILT_IN + "."))
                .doesNotContain("io.easel.components.transform.ColumnTypeCast");
        assertThat(ComponentRegistry.of(scanned, getClass().getClassLoader()).catalog().components())
                .isEqualTo(ComponentRegistry.load().catalog().components());
    }

    @Test
    void shouldFindComponentsInsideAJarToo(@TempDir Path temp) throws Exception {
        Path jar = temp.resolve("components.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(CLASSES.resolve("io"))) {
            for (Path file : files.toList()) {
                String name = CLASSES.relativize(file).toString().replace('\\', '/');
                out.putNextEntry(new java.util.jar.JarEntry(Files.isDirectory(file) ? name + "/" : name));
                if (!Files.isDirectory(file)) {
                    out.write(Files.readAllBytes(file));
                }
                out.closeEntry();
            }
        }
        // no parent: the jar is the only place the package is found, Easel's API comes from the test class path
        ClassLoader parent = getClass().getClassLoader();
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                return name.startsWith(ComponentScan.BUILT_IN) ? super.loadClass(name, resolve)
                        : parent.loadClass(name);
            }
        }) {
            List<String> scanned = ComponentScan.onClassPath(loader);

            assertThat(scanned).containsExactlyElementsOf(ComponentScan.inDirectory(CLASSES, BUILT_IN, parent));
            assertThat(Class.forName(scanned.get(0), false, loader).getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void shouldNameTheKnownComponentsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> ComponentRegistry.load().byId("xgboost"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'xgboost'").hasMessageContaining("gbdt-classifier");
    }

    @Test
    void shouldWriteTheSameCatalogJsonTheServerReads(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("classes");
        copyTree(CLASSES.resolve("io"), copy.resolve("io"));

        List<String> written = CatalogWriter.write(copy, BUILT_IN, getClass().getClassLoader());

        String json = Files.readString(copy.resolve(Catalog.RESOURCE));
        assertThat(written).hasSize(ComponentRegistry.load().components().size());
        assertThat(json).isEqualTo(Files.readString(CLASSES.resolve(Catalog.RESOURCE)));
        assertThat(json).isEqualTo(CatalogWriter.toJson(ComponentRegistry.load().catalog()) + "\n");
        Catalog read = new ObjectMapper().readValue(json, Catalog.class);
        assertThat(read.components()).isEqualTo(ComponentRegistry.load().catalog().components());
    }

    @Test
    void shouldWriteOnlyTheComponentsOfTheGivenPackagesLikeAPluginBuildDoes(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("classes");
        copyTree(CLASSES.resolve("io"), copy.resolve("io"));

        List<String> written = CatalogWriter.write(copy, List.of("io.easel.components.builtin.source",
                "io.easel.components.builtin.prediction"), getClass().getClassLoader());

        Catalog read = new ObjectMapper().readValue(copy.resolve(Catalog.RESOURCE).toFile(), Catalog.class);
        assertThat(read.components()).extracting(ComponentDescriptor::id)
                .contains("sample-dataset", "read-csv", "predict").doesNotContain("random-split", "gbdt-classifier");
        assertThat(written).allMatch(name -> name.startsWith("io.easel.components.builtin.source.")
                || name.startsWith("io.easel.components.builtin.prediction."));
        assertThat(Files.readAllLines(copy.resolve(ComponentRegistry.INDEX))).containsExactlyElementsOf(written);
    }

    @Test
    void shouldRefuseToWriteACatalogWithoutComponents(@TempDir Path temp) throws Exception {
        Path copy = temp.resolve("classes");
        copyTree(CLASSES.resolve("io"), copy.resolve("io"));

        assertThatThrownBy(() -> CatalogWriter.write(copy, List.of("com.example.nothing"),
                getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No component classes found").hasMessageContaining("com.example.nothing");
        assertThat(copy.resolve(Catalog.RESOURCE)).doesNotExist();
    }

    @Test
    void shouldRefuseTwoComponentsWithOneIdNamingWhereEachCameFrom() {
        List<String> clash = List.of(SampleDataset.class.getName(), SampleDatasetNamesake.class.getName());

        assertThatThrownBy(() -> ComponentRegistry.of(clash, getClass().getClassLoader()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'sample-dataset'")
                .hasMessageContaining(SampleDataset.class.getName() + " (")
                .hasMessageContaining("target/classes/")
                .hasMessageContaining(SampleDatasetNamesake.class.getName() + " (")
                .hasMessageContaining("target/test-classes/");
    }

    /** Another component declaring the built-in sample dataset's id, as a careless plugin might. */
    public static final class SampleDatasetNamesake implements SparkComponent {
        @Override
        public ComponentDescriptor descriptor() {
            return new SampleDataset().descriptor();
        }

        @Override
        public void execute(io.easel.components.spi.ExecutionContext ctx) {
            throw new UnsupportedOperationException("never run: refused for its id");
        }
    }

    @Test
    void shouldGiveEachComponentItsOwnClassWithANoArgumentConstructor() throws Exception {
        for (SparkComponent component : ComponentRegistry.load().components()) {
            assertThat(component.getClass().getConstructor()).isNotNull();
            assertThat(java.lang.reflect.Modifier.isFinal(component.getClass().getModifiers()))
                    .as(component.getClass().getName() + " is final").isTrue();
        }
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
