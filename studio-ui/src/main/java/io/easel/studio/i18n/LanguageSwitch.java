package io.easel.studio.i18n;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import java.util.Locale;

/** The EN / 中文 toggle in the app header. */
public class LanguageSwitch extends Div implements LocaleChangeObserver {

    private final Button english = option("EN", Languages.ENGLISH);
    private final Button chinese = option("中文", Languages.CHINESE);

    public LanguageSwitch() {
        addClassName("language-switch");
        getElement().setAttribute("role", "group");
        add(english, chinese);
    }

    private Button option(String caption, Locale locale) {
        Button button = new Button(caption, e -> Languages.choose(locale));
        button.addClassName("language-option");
        button.getElement().setAttribute("data-lang", locale.getLanguage());
        return button;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        highlight(event.getUI().getLocale());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        highlight(event.getLocale());
        getElement().setAttribute("aria-label", getTranslation("app.language"));
    }

    private void highlight(Locale locale) {
        boolean zh = Languages.isChinese(locale);
        english.getElement().setAttribute("aria-pressed", Boolean.toString(!zh));
        chinese.getElement().setAttribute("aria-pressed", Boolean.toString(zh));
        english.getElement().getClassList().set("active", !zh);
        chinese.getElement().getClassList().set("active", zh);
    }
}
