package io.easel.server.deployment.drift;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.easel.run.TrainingProfile;
import io.easel.server.deployment.drift.DriftReport.Bin;
import io.easel.server.deployment.drift.DriftReport.FeatureDrift;
import io.easel.server.deployment.drift.DriftReport.Status;
import io.easel.server.deployment.drift.DriftReport.VersionDrift;
import io.easel.server.deployment.DeploymentView;
import io.easel.server.model.ModelVersionView;
import io.easel.server.security.WorkspaceRef;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Input drift of deployed models: every scored record's raw inputs go, as bins, into a window per deployment and
 * version ({@link DriftWindow}, the last {@code easel.serving.drift.window} records), which a report compares with the
 * version's training profile by PSI ({@link Psi}). Each replica watches the requests it serves. A version without a
 * training profile gets no window. Each window publishes the gauge {@value #PSI_GAUGE} per feature (tags
 * {@code workspace}, {@code deployment}, {@code version}, {@code feature}; NaN while the window holds too few
 * records). Windows of deployments nobody scored with for a day are dropped, their gauges with them (at once on
 * undeploy, {@link #forget}).
 */
@Component
public class DriftMonitor {

    static final String PSI_GAUGE = "easel.serving.drift.psi";

    /** Stands for "this version has no profile", so that its requests cost one look-up and no window. */
    private static final DriftWindow UNPROFILED = new DriftWindow(new TrainingProfile(0, List.of(), null), 1);

    private final MeterRegistry registry;
    private final Map<Key, List<Gauge>> gauges = new ConcurrentHashMap<>();
    private final Cache<Key, DriftWindow> windows = Caffeine.newBuilder().expireAfterAccess(Duration.ofDays(1))
            .maximumSize(10_000).executor(Runnable::run).removalListener((Key key, DriftWindow window, RemovalCause cause) -> {
                List<Gauge> removed = key == null ? null : gauges.remove(key);
                if (removed != null) {
                    removed.forEach(this::removeGauge);
                }
            }).build();
    private final int windowSize;
    private final double threshold;
    private final int minimumRecords;

    /**
     * @param windowSize the served records compared, the latest ones
     * @param threshold the PSI from which a feature is flagged (0.2 by the usual rule of thumb)
     * @param minimumRecords the records a window must hold before PSI is computed: fewer would flag noise
     */
    DriftMonitor(MeterRegistry registry, @Value("${easel.serving.drift.window:10000}") int windowSize,
            @Value("${easel.serving.drift.threshold:0.2}") double threshold,
            @Value("${easel.serving.drift.minimum-records:100}") int minimumRecords) {
        if (windowSize < 1 || minimumRecords < 1 || minimumRecords > windowSize || !(threshold > 0)) {
            throw new IllegalArgumentException("easel.serving.drift: the window (" + windowSize + ") and the minimum "
                    + "records (" + minimumRecords + ") must be positive, the minimum no larger than the window, and "
                    + "the threshold (" + threshold + ") above 0");
        }
        this.registry = registry;
        this.windowSize = windowSize;
        this.threshold = threshold;
        this.minimumRecords = minimumRecords;
    }

    /**
     * Counts records a deployment version scored.
     *
     * @param deployment the deployment as scoring read it; its id keys the window, so that a deployment deleted and
     *     created again under its name starts afresh
     * @param records the raw records as the request carried them
     */
    public void record(WorkspaceRef workspace, DeploymentView deployment, ModelVersionView version,
            List<Map<String, Object>> records) {
        DriftWindow window = window(workspace, deployment, version);
        if (window != UNPROFILED) {
            window.record(records);
        }
    }

    /**
     * The deployment is gone: its windows and their gauges go, so Prometheus stops seeing a deployment that no longer
     * exists. Other replicas drop theirs a day after their last request.
     */
    public void forget(UUID deploymentId) {
        windows.asMap().keySet().removeIf(key -> key.deploymentId().equals(deploymentId));
    }

    /** @param versions the versions the deployment serves (the served one, then the canary, if any) */
    public DriftReport report(WorkspaceRef workspace, DeploymentView deployment, List<ModelVersionView> versions) {
        List<VersionDrift> drift = versions.stream().filter(Objects::nonNull)
                .map(version -> drift(version, window(workspace, deployment, version))).toList();
        return new DriftReport(deployment.name(), threshold, minimumRecords, drift);
    }

    private DriftWindow window(WorkspaceRef workspace, DeploymentView deployment, ModelVersionView version) {
        Key key = new Key(deployment.id(), version.modelId(), version.version());
        DriftWindow found = windows.getIfPresent(key);
        return found != null ? found : windows.get(key, k -> {
            TrainingProfile profile = version.profile();
            if (profile == null || !profile.profiled()) {
                return UNPROFILED;
            }
            DriftWindow window = new DriftWindow(profile, windowSize);
            gauges.put(k, psiGauges(window, Tags.of("workspace", workspace.slug(), "deployment", deployment.name(),
                    "version", Integer.toString(version.version()))));
            return window;
        });
    }

    /** One gauge per feature: its PSI now, computed when read (a scrape), NaN while there are too few records. */
    private List<Gauge> psiGauges(DriftWindow window, Tags tags) {
        // A deployment deleted and created again under its name: its new window replaces the old one's gauges
        registry.find(PSI_GAUGE).tags(tags).meters().forEach(registry::remove);
        List<Gauge> registered = new ArrayList<>();
        for (int f = 0; f < window.features().size(); f++) {
            int feature = f;
            registered.add(Gauge.builder(PSI_GAUGE, window, w -> psi(w, feature))
                    .description("Population stability index of a served input against the training data")
                    .tags(tags).tag("feature", window.features().get(f).feature().name()).register(registry));
        }
        return registered;
    }

    private double psi(DriftWindow window, int feature) {
        int size = window.size();
        if (size < minimumRecords) {
            return Double.NaN;
        }
        double[] expected = window.features().get(feature).feature().shares().stream()
                .mapToDouble(Double::doubleValue).toArray();
        return Psi.of(expected, window.shares(feature, size));
    }

    /** Removes a dropped window's gauge, unless a newer window of the same tags replaced it. */
    private void removeGauge(Gauge gauge) {
        if (registry.find(PSI_GAUGE).tags(gauge.getId().getTags()).gauge() == gauge) {
            registry.remove(gauge);
        }
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
