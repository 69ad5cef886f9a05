package io.easel.server.deployment.drift;

import java.util.List;

/**
 * How far the inputs a deployment served lately have drifted from what its versions trained on (PSI per feature).
 *
 * @param deployment the deployment's name
 * @param threshold the PSI from which a feature is flagged ({@code easel.serving.drift.threshold})
 * @param minimumRecords the served records a version's window must hold before its PSI is computed
 * @param versions the served version, then the canary's when one runs
 */
public record DriftReport(String deployment, double threshold, int minimumRecords, List<VersionDrift> versions) {

    /**
     * One version's drift on this server.
     *
     * @param recordsInWindow the served records the comparison counts (the latest ones, up to {@code windowSize})
     * @param flaggedFeatures how many features reach the threshold; 0 while there are too few records or no profile
     * @param status {@code DRIFTED}, {@code STABLE}, {@code NOT_ENOUGH_RECORDS} or {@code NO_TRAINING_PROFILE}
     * @param message the status in words for people
     * @param features PSI and bins per feature; empty without a training profile
     */
    public record VersionDrift(int version, int recordsInWindow, int windowSize, int flaggedFeatures, Status status,
            String message, List<FeatureDrift> features) {}

    /** What a version's drift amounts to. */
    public enum Status {
        /** At least one feature is flagged. */
        DRIFTED,
        /** No feature reaches the threshold. */
        STABLE,
        /** The window holds fewer records than the minimum: no PSI yet. */
        NOT_ENOUGH_RECORDS,
        /** The version was registered without a training profile (before profiles, or the engine could not count). */
        NO_TRAINING_PROFILE
    }

    /**
     * @param psi the feature's population stability index; null while the window holds too few records
     * @param flagged whether {@code psi} reaches the threshold
     * @param bins the training share and the served share of each bin, the missing bin last
     */
    public record FeatureDrift(String name, Double psi, boolean flagged, List<Bin> bins) {}

    /**
     * @param label the bin as people read it: "&lt; 25", "25 – 33", "≥ 60", a category, "other", "missing"
     * @param expected the share of the training records in the bin
     * @param actual the share of the served records in the window; null while it holds too few records
     */
    public record Bin(String label, double expected, Double actual) {}
}
