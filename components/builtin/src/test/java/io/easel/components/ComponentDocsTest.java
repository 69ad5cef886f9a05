package io.easel.components;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.CatalogDocs;
import io.easel.components.testing.TestRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/components.md is generated from the catalog. Run with {@code -Deasel.docs.write=true} to write it anew after
 * changing a component.
 */
class ComponentDocsTest {

    private static final Path DOCS = Path.of("../../docs/components.md");

    @Test
    void shouldKeepTheComponentReferenceInStepWithTheDeclarations() throws Exception {
        String generated = CatalogDocs.markdown(TestRun.REGISTRY.catalog());
        if (Boolean.getBoolean("easel.docs.write")) {
            Files.writeString(DOCS, generated, StandardCharsets.UTF_8);
        }

        assertThat(DOCS).as("docs/components.md; regenerate it with "
                + "mvn -pl components/builtin test -Dtest=ComponentDocsTest -Deasel.docs.write=true")
                .exists();
        assertThat(Files.readString(DOCS, StandardCharsets.UTF_8)).as("docs/components.md is generated; regenerate "
                + "it with mvn -pl components/builtin test -Dtest=ComponentDocsTest -Deasel.docs.write=true")
                .isEqualTo(generated);
        assertThat(generated).contains("### GBDT binary classifier", "PMML, deployable", "`labelColumn`");
    }
}
