package io.easel.components.builtin.statistics;

import com.clearspring.analytics.stream.cardinality.CardinalityMergeException;
import com.clearspring.analytics.stream.cardinality.HyperLogLogPlus;
import com.tdunning.math.stats.MergingDigest;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.expressions.XXH64;
import org.apache.spark.unsafe.Platform;
import org.apache.spark.util.StatCounter;

/**
 * What one pass over a column's present values keeps of them, on an executor for its partition and merged on the
 * driver: their count, for a numeric column their running moments, and the count of each value as long as there are
 * at most {@value DataProfile#COUNTED_DISTINCT} of them. Beyond that the counts are dropped (a column of ten million
 * different values would fill the memory with them, and its most frequent values would tell nothing) for a
 * HyperLogLog++ sketch of its distinct values and, if numeric, a t-digest of its distribution, each first given the
 * values counted so far. The distinct count, most frequent values and histogram are then exact as long as the whole
 * column has at most that many distinct values, and estimated from the sketches beyond.
 *
 * <p>Values are {@link Double}s (decimals), {@link Long}s (whole numbers) or {@link String}s (every other type), so a
 * whole number reads 1169 rather than 1169.0.
 */
final class ColumnTally implements Serializable {

    /** HyperLogLog++ precision: 2^14 registers, a relative standard error of 1.04/√2^14, under 1 %. */
    private static final int DISTINCT_PRECISION = 14;
    /** The precision of the sparse form the sketch keeps while it has seen few values. */
    private static final int SPARSE_PRECISION = 25;
    /**
     * The compression of a varied column's digest: with the uniform scale function a centroid holds at most about
     * 2/compression of the values, so a histogram bin read from the digest is within about that share of the rows.
     */
    private static final double DIGEST_COMPRESSION = 2000;
    private static final long HASH_SEED = 42;

    private final boolean numeric;
    private long present;
    private final StatCounter moments = new StatCounter();
    /** Each value's count; null once the column has more than {@value DataProfile#COUNTED_DISTINCT} values. */
    private HashMap<Object, long[]> counts = new HashMap<>();
    private HyperLogLogPlus distinct;
    private MergingDigest digest;

    ColumnTally(boolean numeric) {
        this.numeric = numeric;
    }

    /** Counts a present value: a Double, Long or String as the class comment says. */
    void add(Object value) {
        present++;
        if (numeric) {
            double number = ((Number) value).doubleValue();
            moments.merge(number);
            if (counts == null) {
                digest.add(number);
            }
        }
        if (counts != null) {
            // -0.0 and 0.0 are one value, as they are in Spark's grouping
            Object key = value instanceof Double d && d == 0 ? (Object) 0.0 : value;
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            if (counts.size() > DataProfile.COUNTED_DISTINCT) {
                stopCounting();
            }
        } else {
            distinct.offerHashed(hash(value));
        }
    }

    /** This tally with {@code other}'s values added. */
    ColumnTally merge(ColumnTally other) {
        present += other.present;
        moments.merge(other.moments);
        if (counts != null && other.counts != null) {
            other.counts.forEach((value, count) -> counts.computeIfAbsent(value, k -> new long[1])[0] += count[0]);
            if (counts.size() > DataProfile.COUNTED_DISTINCT) {
                stopCounting();
            }
            return this;
        }
        stopCounting();
        other.stopCounting();
        try {
            distinct.addAll(other.distinct);
        } catch (CardinalityMergeException e) {
            throw new IllegalStateException("Sketches of one precision always merge", e);
        }
        if (numeric) {
            digest.add(other.digest);
        }
        return this;
    }

    /** Drops the counts for the sketches, giving them the values counted so far. */
    private void stopCounting() {
        if (counts == null) {
            return;
        }
        distinct = new HyperLogLogPlus(DISTINCT_PRECISION, SPARSE_PRECISION);
        if (numeric) {
            digest = Quantiles.digest(DIGEST_COMPRESSION);
        }
        counts.forEach((value, count) -> {
            distinct.offerHashed(hash(value));
            if (numeric) {
                addWeighted(((Number) value).doubleValue(), count[0]);
            }
        });
        counts = null;
    }

    private void addWeighted(double value, long count) {
        for (long left = count; left > 0; left -= Integer.MAX_VALUE) {
            digest.add(value, (int) Math.min(left, Integer.MAX_VALUE));
        }
    }

    /** A 64-bit hash (Spark's xxHash64, as its approx_count_distinct uses), as the sketch needs. */
    private static long hash(Object value) {
        return switch (value) {
            case Double d -> XXH64.hashLong(Double.doubleToLongBits(d), HASH_SEED);
            case Long l -> XXH64.hashLong(l, HASH_SEED);
            default -> {
                byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                yield XXH64.hashUnsafeBytes(bytes, Platform.BYTE_ARRAY_OFFSET, bytes.length, HASH_SEED);
            }
        };
    }

    long present() {
        return present;
    }

    Moments moments() {
        return numeric ? Moments.of(moments) : new Moments(present, null, null, null, null);
    }

    /** Whether the distinct count, most frequent values and histogram are exact. */
    boolean counted() {
        return counts != null;
    }

    long distinct() {
        return counts != null ? counts.size() : distinct.cardinality();
    }

    /** The counted values, most frequent first, ties by value; none when the column had too many to count. */
    List<Map.Entry<String, Long>> frequent() {
        if (counts == null) {
            return List.of();
        }
        Map<String, Long> byText = new HashMap<>();
        counts.forEach((value, count) -> byText.put(value.toString(), count[0]));
        return byText.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .toList();
    }

    /**
     * A numeric column's histogram over {@code range}: exact from the counts; from the digest's distribution
     * otherwise, each bin then within about 2/{@value #DIGEST_COMPRESSION} of the rows, the total exact.
     */
    Histograms.Histogram histogram(Histograms.Range range) {
        long[] bins = new long[range.bins()];
        if (counts != null) {
            counts.forEach((value, count) -> bins[range.binOf(((Number) value).doubleValue())] += count[0]);
        } else {
            List<Double> edges = range.edges();
            long below = 0;
            for (int i = 0; i < bins.length; i++) {
                long upTo = i == bins.length - 1 ? present : Math.round(digest.cdf(edges.get(i + 1)) * present);
                bins[i] = Math.max(0, upTo - below);
                below += bins[i];
            }
        }
        return new Histograms.Histogram(range.edges(), Arrays.stream(bins).boxed().toList());
    }
}
