package io.easel.server.deployment.drift;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.easel.run.TrainingProfile;
import io.easel.server.deployment.drift.DriftReport.Bin;
import io.easel.server.deployment.drift.DriftReport.FeatureDrift;
import io.easel.server.deployment.drift.DriftReport.Status;
import io.easel.server.deployment.drift.DriftReport.VersionDrift;
import io.easel.server.model.ModelVersionView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Input drift of deployed models: every scored record's raw inputs go, as bins, into a window per deployment and
 * version ({@link DriftWindow}, the last {@code easel.serving.drift.window} records), which a report compares with the
 * version's training profile by PSI ({@link Psi}). Each replica watches the requests it serves. A version without a
 * training profile gets no window. Windows of deployments nobody scored with for a day are dropped.
 */
@Component
public class DriftMonitor {

    /** Stands for "this version has no profile", so that its requests cost one look-up and no window. */
    private static final DriftWindow UNPROFILED = new DriftWindow(new TrainingProfile(0, List.of(), null), 1);

    private final Cache<Key, DriftWindow> windows = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1))
            .maximumSize(10_000).build();
    private final int windowSize;
    private final double threshold;
    private final int minimumRecords;

    /**
     * @param windowSize the served records compared, the latest ones
     * @param threshold the PSI from which a feature is flagged (0.2 by the usual rule of thumb)
     * @param minimumRecords the records a window must hold before PSI is computed: fewer would flag noise
     */
    DriftMonitor(@Value("${easel.serving.drift.window:10000}") int windowSize,
            @Value("${easel.serving.drift.threshold:0.2}") double threshold,
            @Value("${easel.serving.drift.minimum-records:100}") int minimumRecords) {
        if (windowSize < 1 || minimumRecords < 1 || minimumRecords > windowSize || !(threshold > 0)) {
            throw new IllegalArgumentException("easel.serving.drift: the window (" + windowSize + ") and the minimum "
                    + "records (" + minimumRecords + ") must be positive, the minimum no larger than the window, and "
                    + "the threshold (" + threshold + ") above 0");
        }
        this.windowSize = windowSize;
        this.threshold = threshold;
        this.minimumRecords = minimumRecords;
    }

    /**
     * Counts records a deployment version scored.
     *
     * @param deploymentId the deployment's id: a deployment deleted and created again under its name starts afresh
     * @param records the raw records as the request carried them
     */
    public void record(UUID deploymentId, ModelVersionView version, List<Map<String, Object>> records) {
        DriftWindow window = window(deploymentId, version);
        if (window != UNPROFILED) {
            window.record(records);
        }
    }

    /**
     * @param deployment the deployment's name, for the report
     * @param versions the versions it serves (the served one, then the canary, if any)
     */
    public DriftReport report(UUID deploymentId, String deployment, List<ModelVersionView> versions) {
        List<VersionDrift> drift = versions.stream().filter(Objects::nonNull)
                .map(version -> drift(version, window(deploymentId, version))).toList();
        return new DriftReport(deployment, threshold, minimumRecords, drift);
    }

    private DriftWindow window(UUID deploymentId, ModelVersionView version) {
        return windows.get(new Key(deploymentId, version.modelId(), version.version()), key -> {
            TrainingProfile profile = version.profile();
            return profile == null || !profile.profiled() ? UNPROFILED : new DriftWindow(profile, windowSize);
        });
    }

    private VersionDrift drift(ModelVersionView version, DriftWindow window) {
        if (window == UNPROFILED) {
            TrainingProfile profile = version.profile();
            String why = profile == null ? "the version was registered before training profiles were kept"
                    : "the engine could not profile its training records: " + profile.notProfiled();
            return new VersionDrift(version.version(), 0, windowSize, 0, Status.NO_TRAINING_PROFILE,
                    "No training profile: " + why + ". Retrain to measure drift.", List.of());
        }
        int size = window.size();
        boolean enough = size >= minimumRecords;
        List<FeatureDrift> features = new ArrayList<>();
        for (int f = 0; f < window.features().size(); f++) {
            features.add(feature(window.features().get(f), enough ? window.shares(f, size) : null));
        }
        int flagged = (int) features.stream().filter(FeatureDrift::flagged).count();
        if (!enough) {
            return new VersionDrift(version.version(), size, windowSize, 0, Status.NOT_ENOUGH_RECORDS,
                    "Not enough served records yet: " + size + " of the " + minimumRecords + " needed", features);
        }
        String message = flagged == 0
                ? "No feature drifted over the last " + size + " records (every PSI below " + shown(threshold) + ")"
                : flagged + (flagged == 1 ? " feature drifted" : " features drifted") + " over the last " + size
                        + " records (PSI ≥ " + shown(threshold) + "): " + String.join(", ", features.stream()
                                .filter(FeatureDrift::flagged).map(FeatureDrift::name).toList());
        return new VersionDrift(version.version(), size, windowSize, flagged,
                flagged == 0 ? Status.STABLE : Status.DRIFTED, message, features);
    }

    /** @param actual the served shares, or null while there are too few records */
    private FeatureDrift feature(FeatureBins bins, double[] actual) {
        List<Double> expectedShares = bins.feature().shares();
        double[] expected = expectedShares.stream().mapToDouble(Double::doubleValue).toArray();
        List<Bin> shown = new ArrayList<>();
        for (int bin = 0; bin < expected.length; bin++) {
            shown.add(new Bin(bins.label(bin), expected[bin], actual == null ? null : actual[bin]));
        }
        Double psi = actual == null ? null : Psi.of(expected, actual);
        return new FeatureDrift(bins.feature().name(), psi, psi != null && psi >= threshold, shown);
    }

    private static String shown(double value) {
        return String.format(Locale.ROOT, "%.2g", value);
    }

    private record Key(UUID deploymentId, UUID modelId, int version) {}
}
