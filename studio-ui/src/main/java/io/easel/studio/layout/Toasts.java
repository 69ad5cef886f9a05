package io.easel.studio.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * The studio's short notices, at the bottom centre: over the canvas or the page's middle, never over the editor's side
 * panel. All close by themselves; what must stay (a graph's problems) has its own place, the editor's issue list.
 */
public final class Toasts {

    /** Long enough to read two lines, short enough not to pile up. */
    static final int ERROR_MILLIS = 8000;
    private static final int NOTICE_MILLIS = 3000;
    private static final Notification.Position POSITION = Notification.Position.BOTTOM_CENTER;

    private Toasts() {}

    public static Notification success(String text) {
        return show(text, NotificationVariant.SUCCESS, NOTICE_MILLIS);
    }

    public static Notification info(String text) {
        return show(text, NotificationVariant.INFO, NOTICE_MILLIS);
    }

    /** Errors stay a little longer, and can be closed sooner. */
    public static Notification error(String text) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(POSITION);
        notification.setDuration(ERROR_MILLIS);
        Span message = new Span(text);
        message.addClassName("toast-text");
        Button close = new Button("×", e -> notification.close());
        close.addThemeVariants(ButtonVariant.TERTIARY);
        close.addClassName("toast-close");
        close.getElement().setAttribute("aria-label", "close");
        Div body = new Div(message, close);
        body.addClassName("toast");
        notification.add(body);
        notification.open();
        return notification;
    }

    private static Notification show(String text, NotificationVariant variant, int millis) {
        Notification notification = Notification.show(text, millis, POSITION);
        notification.addThemeVariants(variant);
        return notification;
    }
}
