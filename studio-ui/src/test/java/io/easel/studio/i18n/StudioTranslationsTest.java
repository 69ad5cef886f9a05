package io.easel.studio.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StudioTranslationsTest {

    private final StudioTranslations translations = new StudioTranslations();

    @Test
    void shouldHaveEveryKeyInBothLanguages() {
        Set<String> english = StudioTranslations.bundle(Languages.ENGLISH).keySet();
        Set<String> chinese = ResourceBundle.getBundle(StudioTranslations.BUNDLE, Languages.CHINESE).keySet();

        assertThat(chinese).containsExactlyInAnyOrderElementsOf(english);
    }

    @Test
    void shouldOnlyHoldPatternsMessageFormatCanParse() {
        for (Locale locale : Languages.SUPPORTED) {
            ResourceBundle bundle = StudioTranslations.bundle(locale);
            for (String key : bundle.keySet()) {
                String pattern = bundle.getString(key);
                assertThat(new MessageFormat(pattern, locale).toPattern()).as(key + " in " + locale).isNotNull();
                // A plain apostrophe would silently vanish from texts formatted with arguments.
                assertThat(pattern).as(key + " in " + locale).doesNotContain("'");
            }
        }
    }

    @Test
    void shouldTranslateIntoChineseForAnyChineseLocale() {
        assertThat(translations.getTranslation("editor.run", Locale.forLanguageTag("zh-CN"))).isEqualTo("运行");
        assertThat(translations.getTranslation("editor.run", Locale.forLanguageTag("zh-Hans"))).isEqualTo("运行");
        assertThat(translations.getTranslation("editor.run", Locale.GERMAN)).isEqualTo("Run");
    }

    @Test
    void shouldFillArgumentsWithPluralsInEnglish() {
        assertThat(translations.getTranslation("editor.issues", Languages.ENGLISH, 1)).isEqualTo("1 issue");
        assertThat(translations.getTranslation("editor.issues", Languages.ENGLISH, 3)).isEqualTo("3 issues");
        assertThat(translations.getTranslation("editor.issues", Languages.CHINESE, 3)).isEqualTo("3 个问题");
    }

    @Test
    void shouldMarkAMissingKeyVisiblyInsteadOfFailing() {
        assertThat(translations.getTranslation("no.such.key", Languages.ENGLISH)).isEqualTo("!no.such.key");
    }
}
