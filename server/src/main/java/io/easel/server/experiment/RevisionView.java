package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;

/** One revision with its graph, read-only. */
public record RevisionView(RevisionSummary revision, ExperimentGraph graph) {}
