package io.easel.studio.editor;

import com.vaadin.flow.component.Component;
import io.easel.component.TableSpec;
import io.easel.graph.Edge;
import io.easel.graph.ExperimentGraph;
import io.easel.run.PortResult;
import io.easel.server.deployment.DeploymentService;
import io.easel.server.deployment.ScoringService;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelVersionView;
import io.easel.server.run.NodeResultView;
import io.easel.server.run.RunService;
import io.easel.server.security.WorkspaceRef;
import io.easel.studio.layout.BackgroundWork;
import io.easel.studio.layout.Toasts;
import io.easel.studio.registry.DeployDialog;
import io.easel.studio.registry.ScoringExample;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Deploying the model a node of the shown run exported, from its results: the deploy dialog (which deploys off the
 * UI thread), with a scoring example made of the first rows that fed the node in that run.
 */
class DeployFlow {

    private final ModelService models;
    private final RunService runs;
    private final DeployDialog.Services services;
    private final Component owner;

    DeployFlow(ModelService models, RunService runs, DeploymentService deployments, ScoringService scoring,
            BackgroundWork work, Component owner) {
        this.models = models;
        this.runs = runs;
        this.services = new DeployDialog.Services(deployments, scoring, work);
        this.owner = owner;
    }

    /**
     * Opens the deploy dialog for the model {@code nodeId} exported in run {@code runId}.
     *
     * @param graph the graph as edited, for the rows upstream of the node
     * @param nodeName a node id as the canvas shows the node
     */
    void deploy(UUID runId, String nodeId, ExperimentGraph graph, WorkspaceRef workspace,
            UnaryOperator<String> nodeName) {
        Optional<ModelVersionView> model = models.producedBy(runId, nodeId);
        if (model.isEmpty()) {
            Toasts.error(owner.getTranslation("deploy.no-model"));
            return;
        }
        ModelVersionView version = model.get();
        new DeployDialog(services, workspace, new DeployDialog.Choice(models.get(version.modelId()),
                version.version(), v -> sampleRows(runId, graph, nodeId), nodeName), deployed -> { }).open();
    }

    /** First rows of the tables upstream of a node in the run, nearest first. */
    private List<ScoringExample.SampleRow> sampleRows(UUID runId, ExperimentGraph graph, String nodeId) {
        List<ScoringExample.SampleRow> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>();
        graph.edgesInto(nodeId).forEach(e -> queue.add(e.from().node()));
        while (!queue.isEmpty()) {
            String upstream = queue.poll();
            if (!seen.add(upstream)) {
                continue;
            }
            try {
                NodeResultView result = runs.nodeResult(runId, upstream);
                for (PortResult output : result.outputs().values()) {
                    if (output.spec() instanceof TableSpec table && output.sampleRows() != null
                            && !output.sampleRows().isEmpty()) {
                        rows.add(new ScoringExample.SampleRow(table, output.sampleRows().get(0)));
                    }
                }
            } catch (RuntimeException e) {
                // A node without results (not run, or results gone) just offers no sample.
            }
            graph.edgesInto(upstream).stream().map(Edge::from).map(p -> p.node()).forEach(queue::add);
        }
        return rows;
    }
}
