package io.easel.server.experiment;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/templates")
@Tag(name = "Templates", description = "Ready-to-run sample experiments on the bundled datasets")
class TemplateController {

    private final ExperimentTemplates templates;

    TemplateController(ExperimentTemplates templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "The sample experiments", description = "Each with its id, title and one-line description "
            + "in English and Simplified Chinese, and the experiment as a file (docs/experiment-format.md). Create "
            + "an experiment from one with POST /api/experiments {\"name\": …, \"template\": id}, or import its "
            + "file.")
    List<ExperimentTemplate> list() {
        return templates.list();
    }
}
