package io.easel.studio.layout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The studio's short messages in the bottom corner. */
public final class Toasts {

    private Toasts() {}

    public static Notification success(String text) {
        return show(text, NotificationVariant.SUCCESS, 3000);
    }

    public static Notification info(String text) {
        return show(text, NotificationVariant.INFO, 3000);
    }

    /** Errors stay until closed: they usually need reading. */
    public static Notification error(String text) {
        Notification notification = new Notification();
        notification.addThemeVariants(NotificationVariant.ERROR);
        notification.setPosition(Notification.Position.BOTTOM_END);
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
        Notification notification = Notification.show(text, millis, Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        return notification;
    }
}
