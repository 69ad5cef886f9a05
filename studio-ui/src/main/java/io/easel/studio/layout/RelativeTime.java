package io.easel.studio.layout;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.function.BiFunction;

/** "5 minutes ago" for recent times, a localized date for older ones; the caller supplies the translations. */
public final class RelativeTime {

    private RelativeTime() {}

    /**
     * @param translate looks up {@code time.*} keys with one argument
     */
    public static String format(Instant time, Instant now, Locale locale, BiFunction<String, Object, String> translate) {
        if (time == null) {
            return "";
        }
        Duration age = Duration.between(time, now);
        if (age.isNegative() || age.toSeconds() < 60) {
            return translate.apply("time.just-now", null);
        }
        if (age.toMinutes() < 60) {
            return translate.apply("time.minutes-ago", age.toMinutes());
        }
        if (age.toHours() < 24) {
            return translate.apply("time.hours-ago", age.toHours());
        }
        return absolute(time, locale);
    }

    public static String absolute(Instant time, Locale locale) {
        if (time == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZoneId.systemDefault())
                .format(time);
    }
}
