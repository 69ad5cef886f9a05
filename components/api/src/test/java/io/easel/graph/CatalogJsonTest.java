package io.easel.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.easel.component.Catalog;
import org.junit.jupiter.api.Test;

/** The server knows components only through the catalog JSON, so it must carry every declaration intact. */
class CatalogJsonTest {

    @Test
    void shouldReadBackEveryDeclarationFromCatalogJson() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Catalog catalog = TestCatalog.create();

        String text = json.writeValueAsString(catalog);
        Catalog read = json.readValue(text, Catalog.class);

        assertThat(read.components()).isEqualTo(catalog.components());
        assertThat(text).contains("\"op\":\"retype\"", "\"formatVersion\":1");
        assertThat(new GraphValidator(read).validate(GraphValidatorTest.pipeline()).specs())
                .isEqualTo(new GraphValidator(catalog).validate(GraphValidatorTest.pipeline()).specs());
    }
}
