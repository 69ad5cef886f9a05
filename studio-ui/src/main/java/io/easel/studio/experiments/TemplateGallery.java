package io.easel.studio.experiments;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.easel.server.experiment.ExperimentTemplate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The start page's ready-to-run samples on the bundled datasets, one card each with its title, one line on what it
 * shows and its size; a click makes an experiment from it. Folded away once the workspace has experiments of its own.
 */
class TemplateGallery extends Details {

    private final List<ExperimentTemplate> templates;
    private final Consumer<ExperimentTemplate> use;

    TemplateGallery(List<ExperimentTemplate> templates, Consumer<ExperimentTemplate> use) {
        this.templates = templates;
        this.use = use;
        setId("template-gallery");
        setOpened(true);
        addClassName("template-gallery");
    }

    /** Builds the cards in the UI's language. */
    void render(Locale locale) {
        setSummaryText(getTranslation("templates.title"));
        Div cards = new Div();
        cards.addClassName("template-cards");
        for (ExperimentTemplate template : templates) {
            cards.add(card(template, locale));
        }
        Span hint = new Span(getTranslation("templates.hint"));
        hint.addClassName("muted");
        removeAll();
        add(hint, cards);
    }

    private Div card(ExperimentTemplate template, Locale locale) {
        Span title = new Span(template.title().in(locale));
        title.addClassName("template-title");
        Span description = new Span(template.description().in(locale));
        description.addClassName("template-description");
        Span size = new Span(VaadinIcon.CLUSTER.create(), new Span(getTranslation("templates.nodes",
                template.experiment().nodes().size())));
        size.addClassName("template-size");
        Div card = new Div(title, description, size);
        card.addClassName("template-card");
        card.getElement().setAttribute("data-template", template.id());
        card.getElement().setAttribute("role", "button");
        card.getElement().setAttribute("tabindex", "0");
        card.getElement().setAttribute("title", getTranslation("templates.use"));
        card.addClickListener(e -> use.accept(template));
        return card;
    }
}
