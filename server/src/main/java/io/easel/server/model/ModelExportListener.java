package io.easel.server.model;

import io.easel.server.run.ModelExportedNotice;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Turns every model a run exports into a new model version. */
@Component
class ModelExportListener {

    private final ModelService models;

    ModelExportListener(ModelService models) {
        this.models = models;
    }

    @EventListener
    void onModelExported(ModelExportedNotice notice) {
        models.register(notice);
    }
}
