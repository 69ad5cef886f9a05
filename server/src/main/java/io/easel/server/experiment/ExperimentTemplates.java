package io.easel.server.experiment;

import io.easel.component.Text;
import io.easel.server.catalog.CatalogService;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample experiments shipped with the server ({@value #FOLDER}): an index with each one's id, file and titles in
 * both languages, and the files themselves in the documented experiment-file format, read as an import reads them, so
 * a template naming a component the catalog lacks stops the start instead of failing in front of a user.
 */
@Service
@StudioOnly
public class ExperimentTemplates {

    static final String FOLDER = "io/easel/server/templates/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One entry of the index. */
    record Entry(String id, String file, Text title, Text description) {}

    private final ExperimentService experiments;
    private final List<ExperimentTemplate> templates;

    ExperimentTemplates(ExperimentService experiments, CatalogService catalog) {
        this.experiments = experiments;
        this.templates = read(catalog);
    }

    /** Every template, in the order the gallery shows them. */
    public List<ExperimentTemplate> list() {
        return templates;
    }

    public Optional<ExperimentTemplate> find(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * A new experiment of the workspace made from the template: its graph, description and tags.
     *
     * @param name the new experiment's name
     * @throws InvalidExperimentException (400) when there is no such template or the name is not valid
     */
    public ExperimentView instantiate(WorkspaceRef workspace, String templateId, String name) {
        ExperimentTemplate template = find(templateId).orElseThrow(() -> new InvalidExperimentException("template",
                "names no template: '" + templateId + "'. GET /api/templates lists them"));
        ExperimentFile file = template.experiment();
        return experiments.create(workspace, new ExperimentEdit(name, file.description(), file.tags(), file.graph(),
                null, SaveKind.SAVE));
    }

    private static List<ExperimentTemplate> read(CatalogService catalog) {
        List<ExperimentTemplate> read = new ArrayList<>();
        for (Entry entry : JSON.readValue(resource("index.json"), Entry[].class)) {
            ExperimentFile file;
            try {
                file = ExperimentFileReader.read(resource(entry.file()), catalog::find);
            } catch (InvalidExperimentFileException e) {
                throw new IllegalStateException("The template " + entry.file() + " is not a valid experiment file: "
                        + e.getMessage(), e);
            }
            read.add(new ExperimentTemplate(entry.id(), entry.title(), entry.description(), file));
        }
        return List.copyOf(read);
    }

    private static String resource(String name) {
        try (InputStream in = ExperimentTemplates.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("The template resource " + FOLDER + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
