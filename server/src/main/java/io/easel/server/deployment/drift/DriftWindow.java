package io.easel.server.deployment.drift;

import io.easel.run.TrainingProfile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The bins of the last {@code capacity} records one deployment version scored, feature by feature: a ring of bin
 * numbers (one byte per feature and record), never the records themselves. Recording takes no lock: a request claims
 * its slots with one atomic add and writes its bins there. A report read while a request writes may count a few
 * slots of the record before (or, before the ring is full, an empty slot as bin 0): an error of a few records in
 * thousands, which a share does not notice.
 */
final class DriftWindow {

    private final List<FeatureBins> features;
    private final byte[][] bins;
    private final int capacity;
    private final AtomicLong recorded = new AtomicLong();

    DriftWindow(TrainingProfile profile, int capacity) {
        this.features = profile.features().stream()
                .filter(f -> f.binCount() <= Byte.MAX_VALUE).map(FeatureBins::new).toList();
        this.capacity = capacity;
        this.bins = new byte[features.size()][capacity];
    }

    /** Adds the records' bins, the oldest ones in the window giving way. */
    void record(List<Map<String, Object>> records) {
        long first = recorded.getAndAdd(records.size());
        for (int r = 0; r < records.size(); r++) {
            int slot = (int) ((first + r) % capacity);
            Map<String, Object> record = records.get(r);
            for (int f = 0; f < bins.length; f++) {
                FeatureBins feature = features.get(f);
                bins[f][slot] = (byte) feature.binOf(record.get(feature.feature().name()));
            }
        }
    }

    /** The records the window holds now: those scored, up to its capacity. */
    int size() {
        return (int) Math.min(recorded.get(), capacity);
    }

    int capacity() {
        return capacity;
    }

    List<FeatureBins> features() {
        return features;
    }

    /** The served shares of each bin of feature {@code index}, over the {@code size} records in the window. */
    double[] shares(int index, int size) {
        FeatureBins feature = features.get(index);
        long[] counts = new long[feature.feature().binCount()];
        byte[] featureBins = bins[index];
        for (int slot = 0; slot < size; slot++) {
            counts[featureBins[slot]]++;
        }
        double[] shares = new double[counts.length];
        for (int bin = 0; bin < counts.length; bin++) {
            shares[bin] = size == 0 ? 0 : (double) counts[bin] / size;
        }
        return shares;
    }
}
