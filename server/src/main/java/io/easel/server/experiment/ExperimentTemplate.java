package io.easel.server.experiment;

import io.easel.component.Text;

/**
 * A ready-to-run sample experiment on the bundled datasets, offered on the start page.
 *
 * @param id stable, for {@code POST /api/experiments} with {@code "template"}
 * @param title the gallery's title, which is also the name the studio gives a new experiment from it
 * @param description one line on what it shows
 * @param experiment the experiment as a file (docs/experiment-format.md): graph, description and tags
 */
public record ExperimentTemplate(String id, Text title, Text description, ExperimentFile experiment) {}
