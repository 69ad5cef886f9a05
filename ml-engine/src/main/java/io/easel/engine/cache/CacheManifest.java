package io.easel.engine.cache;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.easel.components.spi.FeatureLineage;
import io.easel.run.PortResult;
import java.util.List;
import java.util.Map;

/**
 * The {@code manifest.json} of a cache entry ({@code <workspace>/cache/<fingerprint>/}): which run stored the
 * outputs of which node, from what, and how to rebuild each output. Written last, so an entry without one is not an
 * entry.
 *
 * @param fingerprint what the node computed its outputs from
 * @param outputs each output port, in the node's order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CacheManifest(int formatVersion, String runId, String nodeId, long storedAt,
        NodeFingerprint fingerprint, List<Output> outputs) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE = "manifest.json";

    /**
     * One stored output: exactly one of {@code table}, {@code model}, {@code report} is set.
     *
     * @param result what the node reported about the port, reported again when it is reused
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(String port, PortResult result, Table table, Model model, Report report) {}

    /** @param location the Parquet the run that computed it wrote (never copied) */
    public record Table(String location, Lineage lineage) {}

    /**
     * @param pipeline the fitted pipeline, saved by Spark ML, relative to the entry
     * @param trainer how to train the learner again; null when the model cannot be
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(String pipeline, Lineage lineage, List<String> labels, Map<String, Object> metrics,
            List<String> slots, TrainerRecipe trainer) {}

    public record Report(String kind, Map<String, Object> metrics, Map<String, Object> charts) {}

    /**
     * @param rawSchema Spark's JSON of the raw schema
     * @param steps where each fitted step is saved (a one-stage Spark ML pipeline), relative to the workspace
     */
    public record Lineage(String rawSchema, List<String> steps, List<FeatureLineage.InputBoundary> boundaries,
            List<FeatureLineage.PmmlGap> pmmlGaps) {}

    /**
     * @param component the learner's component id
     * @param input its table input port
     * @param params the params training again starts from
     */
    public record TrainerRecipe(String component, String input, Map<String, Object> params) {}
}
