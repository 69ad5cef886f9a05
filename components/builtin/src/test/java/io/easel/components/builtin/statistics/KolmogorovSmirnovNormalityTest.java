package io.easel.components.builtin.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class KolmogorovSmirnovNormalityTest {

    @Test
    void shouldFindTheLargestGapToAFittedNormalAsComputedFromTheCsv() {
        double[] bmi = DatasetCsv.read("diabetes").numbers("bmi");
        Stats stats = Stats.run(KolmogorovSmirnov.ID, Map.of("column", "bmi"), "diabetes");

        NormalDistribution fitted = new NormalDistribution(DatasetCsv.mean(bmi), DatasetCsv.std(bmi));
        assertThat(stats.metric("mean")).isCloseTo(DatasetCsv.mean(bmi), within(1e-9));
        assertThat(stats.metric("std")).isCloseTo(DatasetCsv.std(bmi), within(1e-9));
        assertThat(stats.metric("statistic")).isCloseTo(largestGap(bmi, fitted), within(1e-9));
        // the same test by Commons Math, which computes its own statistic and the Kolmogorov distribution's tail
        assertThat(stats.metric("pValue")).isCloseTo(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(fitted, bmi),
                within(1e-9));
        assertThat(stats.metric("rows")).isEqualTo(442);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldRejectAGivenNormalFarFromTheData() {
        double[] width = DatasetCsv.read("iris").numbers("sepal_width_cm");
        Stats stats = Stats.run(KolmogorovSmirnov.ID, Map.of("column", "sepal_width_cm", "parameters", "given",
                "mean", 4.0, "std", 0.5), "iris");

        NormalDistribution given = new NormalDistribution(4.0, 0.5);
        assertThat(stats.metric("statistic")).isCloseTo(largestGap(width, given), within(1e-9));
        assertThat(stats.metric("pValue")).isLessThan(1e-6);
        assertThat(stats.report().metrics()).containsEntry("normal", false);
        List<Long> counts = (List<Long>) ((Map<String, Object>) stats.chart("values")).get("counts");
        assertThat(counts.stream().mapToLong(Long::longValue).sum()).isEqualTo(150);
    }

    /** max over the sorted values of the gap between the empirical CDF (just before and at each) and the normal's. */
    private static double largestGap(double[] values, NormalDistribution normal) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double gap = 0;
        for (int i = 0; i < n; i++) {
            double f = normal.cumulativeProbability(sorted[i]);
            gap = Math.max(gap, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        return gap;
    }
}
