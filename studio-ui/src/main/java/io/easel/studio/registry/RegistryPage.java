package io.easel.studio.registry;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import io.easel.server.security.WorkspaceView;
import io.easel.studio.experiments.ExperimentListView;
import io.easel.studio.workspace.CurrentWorkspace;

/**
 * A page of the registry (models, deployments): it shows the current workspace's things, so without one it sends the
 * user to the experiment list; it is built afresh on every visit and starts with its title and subtitle.
 */
abstract class RegistryPage extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentWorkspace current;
    /** The message keys' stem: {@code registry.<page>.title}, {@code .subtitle}; the nav entry {@code nav.<page>}. */
    private final String page;
    /** The workspace shown, set on every visit. */
    protected WorkspaceView workspace;

    RegistryPage(CurrentWorkspace current, String page) {
        this.current = current;
        this.page = page;
        addClassName("registry-page");
        addClassName(page + "-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        workspace = current.get().orElse(null);
        if (workspace == null) {
            event.forwardTo(ExperimentListView.class);
            return;
        }
        removeAll();
        build();
    }

    /** Fills the page (emptied before) for {@link #workspace}. */
    abstract void build();

    /** The page's title and subtitle, in the studio's page-header layout. */
    Div header() {
        Div titles = new Div(new H1(getTranslation("registry." + page + ".title")),
                new Paragraph(getTranslation("registry." + page + ".subtitle")));
        titles.addClassName("page-titles");
        Div header = new Div(titles);
        header.addClassName("page-header");
        return header;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav." + page) + " · Easel";
    }
}
