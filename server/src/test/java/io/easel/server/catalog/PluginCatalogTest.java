package io.easel.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.ComponentDescriptor;
import io.easel.server.ExamplePlugin;
import io.easel.server.plugin.PluginJars;
import io.easel.server.settings.EaselProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The catalog merges the built-in components with those of every plugin jar, reading each jar's catalog as a file,
 * and the server does not start with two components of one id.
 */
class PluginCatalogTest {

    @TempDir
    Path plugins;

    @Test
    void shouldOfferThePluginsComponentsBesideTheBuiltInOnes() {
        ExamplePlugin.install(plugins);

        CatalogService catalog = new CatalogService(PluginJars.in(plugins));

        ComponentDescriptor zScore = catalog.find(ExamplePlugin.COMPONENT).orElseThrow();
        assertThat(zScore.title().zh()).isNotBlank();
        assertThat(zScore.examples()).isNotEmpty();
        assertThat(catalog.catalog().components()).extracting(ComponentDescriptor::id)
                .contains("sample-dataset", "random-split", "gbdt-classifier", ExamplePlugin.COMPONENT)
                .hasSize(new CatalogService().catalog().components().size() + 1);
    }

    @Test
    void shouldTakeAJarWithoutComponentsForALibraryOfThePlugins() throws IOException {
        ExamplePlugin.install(plugins);
        Path library = plugins.resolve("commons-something.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(library))) {
            jar.putNextEntry(new ZipEntry("org/example/Helper.class"));
            jar.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            jar.closeEntry();
        }

        CatalogService catalog = new CatalogService(PluginJars.in(plugins));

        assertThat(catalog.find(ExamplePlugin.COMPONENT)).isPresent();
        assertThat(PluginJars.in(plugins).jars()).extracting(p -> p.getFileName().toString())
                .containsExactly("commons-something.jar", ExamplePlugin.builtJar().getFileName().toString());
    }

    @Test
    void shouldRefuseTwoJarsDeclaringOneComponentNamingBoth() throws IOException {
        Path first = ExamplePlugin.install(plugins);
        Path second = Files.copy(first, plugins.resolve("z-score-copy.jar"));

        assertThatThrownBy(() -> new CatalogService(PluginJars.in(plugins)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + ExamplePlugin.COMPONENT + "'")
                .hasMessageContaining(first.toString())
                .hasMessageContaining(second.toString());
    }

    @Test
    void shouldRefuseAPluginThatRedeclaresABuiltInComponentNamingBothJars() throws IOException {
        Path impostor = plugins.resolve("impostor.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(impostor))) {
            jar.putNextEntry(new ZipEntry(io.easel.component.Catalog.RESOURCE));
            jar.write(("{\"components\": [" + io.easel.server.settings.StoredJson.MAPPER.writeValueAsString(
                    new CatalogService().find("random-split").orElseThrow()) + "]}").getBytes());
            jar.closeEntry();
        }

        assertThatThrownBy(() -> new CatalogService(PluginJars.in(plugins)))
                .hasMessageContaining("'random-split'")
                .hasMessageContaining("easel-components-builtin")
                .hasMessageContaining(impostor.toString());
    }

    @Test
    void shouldRefuseAFileThatIsNotAJarNamingIt() throws IOException {
        Path broken = Files.writeString(plugins.resolve("half-copied.jar"), "not a zip");

        assertThatThrownBy(() -> new CatalogService(PluginJars.in(plugins)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(broken.toString()).hasMessageContaining("not a jar");
    }

    @Test
    void shouldRefuseAConfiguredPluginsDirectoryThatDoesNotExist() {
        Path missing = plugins.resolve("typo");

        assertThatThrownBy(() -> new PluginJars(new EaselProperties(plugins, null, "studio", missing)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("easel.plugins-dir=" + missing);
        assertThat(new PluginJars(new EaselProperties(plugins, null)).jars())
                .as("the default <data-dir>/plugins need not exist").isEmpty();
    }

    @Test
    void shouldNotStartWithTwoComponentsOfOneId() throws IOException {
        Path first = ExamplePlugin.install(plugins);
        Files.copy(first, plugins.resolve("z-score-again.jar"));

        new ApplicationContextRunner()
                .withUserConfiguration(CatalogOnly.class)
                .withPropertyValues("easel.data-dir=" + plugins.resolveSibling("data"),
                        "easel.plugins-dir=" + plugins)
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("Two component jars declare the component 'z-score'")
                            .hasMessageContaining("z-score-again.jar");
                });
    }

    /** The beans the catalog needs, as the server wires them. */
    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EaselProperties.class)
    @Import({PluginJars.class, CatalogService.class})
    static class CatalogOnly {}
}
