package io.easel.studio.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.ParityReport.Unchecked;
import io.easel.studio.i18n.Languages;
import io.easel.studio.i18n.StudioTranslations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every reason the engine gives for a parity check it could not run is said in a sentence of each language. */
class ParityTextsTest {

    private final StudioTranslations translations = new StudioTranslations();

    @Test
    void shouldSayEveryReasonInEveryLanguage() {
        for (Locale locale : Languages.SUPPORTED) {
            for (Unchecked because : Unchecked.values()) {
                String text = translations.getTranslation(ModelsView.uncheckedKey(because), locale, "a detail");
                assertThat(text).as(because + " in " + locale).doesNotStartWith("!").isNotBlank()
                        .doesNotContain("{0}");
            }
        }
    }
}
