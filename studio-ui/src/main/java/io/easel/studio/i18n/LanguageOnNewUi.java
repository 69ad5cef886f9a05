package io.easel.studio.i18n;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.stereotype.Component;

/** Gives every new browser tab the language chosen earlier in the session, before any view is built. */
@Component
public class LanguageOnNewUi implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> Languages.applyChosen(e.getUI()));
    }
}
