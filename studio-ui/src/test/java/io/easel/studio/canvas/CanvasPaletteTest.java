package io.easel.studio.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.Catalog;
import io.easel.component.Category;
import io.easel.server.catalog.CatalogService;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CanvasPaletteTest {

    private final Catalog catalog = new CatalogService().catalog();

    @Test
    void shouldGroupTheRealCatalogIntoCategorySectionsInPaletteOrder() {
        CanvasPalette palette = CanvasPalette.of(catalog, Locale.ENGLISH);

        List<String> order = Arrays.stream(Category.values()).map(Category::jsonName).toList();
        List<String> sections = palette.categories().stream().map(CanvasPalette.Section::id).toList();
        assertThat(sections).isSortedAccordingTo((a, b) -> order.indexOf(a) - order.indexOf(b));
        assertThat(palette.categories().stream().mapToInt(s -> s.components().size()).sum())
                .isEqualTo(catalog.components().size());
        CanvasPalette.Item predict = item(palette, "predict");
        assertThat(predict.inputs()).extracting(CanvasPalette.PortItem::name, CanvasPalette.PortItem::type)
                .contains(org.assertj.core.groups.Tuple.tuple("model", "model"));
    }

    @Test
    void shouldShowChineseTitlesButKeepBothLanguagesForSearch() {
        CanvasPalette palette = CanvasPalette.of(catalog, Locale.SIMPLIFIED_CHINESE);

        CanvasPalette.Item split = item(palette, "random-split");
        assertThat(split.title()).isEqualTo(split.titleZh()).isNotEqualTo(split.titleEn());
        assertThat(split.titleEn()).isEqualTo("Random split");
        assertThat(palette.categories().getFirst().title()).isEqualTo(Category.DATA_SOURCES.title().zh());
        assertThat(palette.texts().get("search")).isEqualTo("搜索组件");
    }

    private static CanvasPalette.Item item(CanvasPalette palette, String id) {
        return palette.categories().stream().flatMap(s -> s.components().stream())
                .filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
