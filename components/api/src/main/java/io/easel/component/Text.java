package io.easel.component;

import java.util.Locale;
import java.util.Objects;

/**
 * A user-facing text in the two languages the studio speaks. Declared next to what it describes so a component's
 * metadata lives in one place.
 */
public record Text(String en, String zh) {

    public Text {
        Objects.requireNonNull(en, "en");
        zh = zh == null || zh.isBlank() ? en : zh;
    }

    public static Text of(String en, String zh) {
        return new Text(en, zh);
    }

    public String in(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
