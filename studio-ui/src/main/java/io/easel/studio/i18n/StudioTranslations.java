package io.easel.studio.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Every string the studio itself shows, in English and Simplified Chinese, from {@code i18n/messages*.properties}.
 * Component titles, descriptions and param labels are not here: they come with the catalog ({@code Text}).
 */
@Component
public class StudioTranslations implements I18NProvider {

    public static final String BUNDLE = "i18n.messages";

    @Override
    public List<Locale> getProvidedLocales() {
        return Languages.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        ResourceBundle bundle = bundle(locale);
        if (!bundle.containsKey(key)) {
            // A missing key is a defect, but a visible one beats an exception in the middle of a screen.
            return "!" + key;
        }
        String pattern = bundle.getString(key);
        if (params == null || params.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, Languages.supported(locale)).format(params);
    }

    static ResourceBundle bundle(Locale locale) {
        try {
            // ROOT (messages.properties) is English; messages_zh.properties serves zh, zh-CN and zh-Hans.
            return ResourceBundle.getBundle(BUNDLE, Languages.supported(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("The studio's message bundle " + BUNDLE + " is missing", e);
        }
    }
}
