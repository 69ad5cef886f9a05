package io.easel.studio.canvas;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import io.easel.graph.ExperimentGraph;
import io.easel.server.catalog.CatalogService;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;

/** A page holding only the canvas, with the real catalog, reporting what the server receives to {@link CanvasProbe}. */
@Route("test/canvas")
@PermitAll
public class CanvasTestView extends Div {

    public CanvasTestView(CatalogService catalog, CanvasProbe probe) {
        ExperimentCanvas canvas = new ExperimentCanvas();
        canvas.setPalette(catalog.catalog(), Locale.ENGLISH);
        canvas.setGraph(ExperimentGraph.empty());
        canvas.addGraphChangeListener(probe::graphChanged);
        canvas.addNodeSelectionListener(probe::nodeSelected);
        canvas.addRunScopeListener(probe::runAsked);
        canvas.setSizeFull();
        setHeight("100vh");
        getStyle().set("padding", "12px").set("box-sizing", "border-box");
        add(canvas);
        canvas.addAttachListener(event -> probe.attached(event.getUI(), canvas));
    }
}
