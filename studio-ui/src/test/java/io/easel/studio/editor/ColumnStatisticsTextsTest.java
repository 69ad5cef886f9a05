package io.easel.studio.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.server.run.StatisticsUnavailableException.Reason;
import io.easel.studio.i18n.Languages;
import io.easel.studio.i18n.StudioTranslations;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every reason the server gives for unavailable statistics is said in a sentence of each language. */
class ColumnStatisticsTextsTest {

    private final StudioTranslations translations = new StudioTranslations();

    @Test
    void shouldSayEveryReasonInEveryLanguage() {
        for (Locale locale : Languages.SUPPORTED) {
            for (Reason reason : Reason.values()) {
                String text = translations.getTranslation("results.statistics.unavailable." + reason.code(), locale);
                assertThat(text).as(reason + " in " + locale).doesNotStartWith("!").isNotBlank();
            }
        }
    }
}
