package io.easel.studio.layout;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Nav;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.RouterLayout;
import com.vaadin.flow.router.RouterLink;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.i18n.LanguageSwitch;
import java.util.Objects;

/** The frame around every screen: brand, navigation and the language switch on top, the routed view below. */
@StyleSheet("context://styles/easel-studio.css")
public class StudioLayout extends Div implements RouterLayout, LocaleChangeObserver {

    private final Main content = new Main();
    private final RouterLink experiments = new RouterLink("", ExperimentListView.class);
    private final Span tagline = new Span();

    public StudioLayout() {
        addClassName("studio");

        RouterLink brand = new RouterLink("", ExperimentListView.class);
        brand.addClassName("brand");
        Span mark = new Span();
        mark.addClassName("brand-mark");
        Span name = new Span("Easel");
        name.addClassName("brand-name");
        tagline.addClassName("brand-tagline");
        brand.add(mark, name, tagline);

        experiments.addClassName("nav-link");
        experiments.setHighlightCondition((link, event) -> true);
        Nav nav = new Nav(experiments);
        nav.addClassName("studio-nav");

        Div spacer = new Div();
        spacer.addClassName("spacer");

        Header header = new Header(brand, nav, spacer, new LanguageSwitch());
        header.addClassName("studio-header");

        content.addClassName("studio-content");
        add(header, content);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        relabel();
    }

    @Override
    public void showRouterLayoutContent(HasElement view) {
        content.getElement().removeAllChildren();
        if (view != null) {
            content.getElement().appendChild(Objects.requireNonNull(view.getElement()));
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        relabel();
    }

    private void relabel() {
        tagline.setText(getTranslation("app.tagline"));
        experiments.setText(getTranslation("nav.experiments"));
    }
}
