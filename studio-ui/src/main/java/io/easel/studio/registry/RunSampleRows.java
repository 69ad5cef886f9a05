package io.easel.studio.registry;

import io.easel.component.TableSpec;
import io.easel.run.PortResult;
import io.easel.server.model.ModelVersionView;
import io.easel.server.run.NodeResultView;
import io.easel.server.run.RunService;
import java.util.ArrayList;
import java.util.List;

/**
 * First rows of the tables the run that trained a model version produced, for a scoring example with real values
 * where no canvas tells which tables fed the model ({@link ScoringExample#sampleRecord} picks the row that fits the
 * model's inputs best).
 */
final class RunSampleRows {

    private RunSampleRows() {}

    static List<ScoringExample.SampleRow> of(RunService runs, ModelVersionView version) {
        List<ScoringExample.SampleRow> rows = new ArrayList<>();
        try {
            for (String node : runs.get(version.runId()).nodes().keySet()) {
                if (node.equals(version.nodeId())) {
                    continue;
                }
                NodeResultView result = runs.nodeResult(version.runId(), node);
                for (PortResult output : result.outputs().values()) {
                    if (output.spec() instanceof TableSpec table && output.sampleRows() != null
                            && !output.sampleRows().isEmpty()) {
                        rows.add(new ScoringExample.SampleRow(table, output.sampleRows().get(0)));
                    }
                }
            }
        } catch (RuntimeException e) {
            // A run whose results are gone (or a node without them) offers fewer samples; placeholders fill the gaps.
        }
        return rows;
    }
}
