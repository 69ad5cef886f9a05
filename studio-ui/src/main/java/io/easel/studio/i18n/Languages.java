package io.easel.studio.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;

/**
 * The two languages the studio speaks, and the user's choice of one, kept in the HTTP session so it survives
 * navigation and reloads.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(ENGLISH, CHINESE);

    private static final String SESSION_KEY = Languages.class.getName() + ".chosen";

    private Languages() {}

    /** The supported locale closest to {@code locale}: Chinese for any zh, English otherwise. */
    public static Locale supported(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? CHINESE : ENGLISH;
    }

    public static boolean isChinese(Locale locale) {
        return supported(locale) == CHINESE;
    }

    /** Puts the session's chosen language (if any) on a UI that is just being built. */
    public static void applyChosen(UI ui) {
        VaadinSession session = ui.getSession();
        Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
        Locale target = chosen instanceof Locale locale ? locale : supported(ui.getLocale());
        if (!target.equals(ui.getLocale())) {
            ui.setLocale(target);
        }
    }

    /**
     * Switches the whole session: every open UI gets the locale, which notifies its {@code LocaleChangeObserver}s so
     * views re-label themselves in place without losing unsaved edits.
     */
    public static void choose(Locale locale) {
        Locale target = supported(locale);
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(SESSION_KEY, target);
        session.setLocale(target);
    }
}
