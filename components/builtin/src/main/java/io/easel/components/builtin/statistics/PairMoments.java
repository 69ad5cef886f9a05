package io.easel.components.builtin.statistics;

import io.easel.component.ColumnSpec;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The sample covariances of every pair of numeric columns, over the rows that have a value (not null, not NaN) in
 * each, and the Pearson correlations that follow from them; the row count too, all in one pass over the table.
 *
 * <p>Each partition keeps running means and co-moments, updated row by row (Welford's update), and partitions merge
 * by Chan's formula. Unlike sums of products (Spark's Gramian), this stays exact for columns with large means, where
 * the products would cancel away most digits; unlike Spark SQL's {@code covar_samp} per pair, it needs no aggregate
 * per pair, whose plan takes Spark longer to compile than a small table takes to read.
 *
 * @param rows the complete rows counted
 * @param covariances {@code covariances[i][j]} of columns i and j; NaN where fewer than two rows
 */
record PairMoments(long rows, double[][] covariances) {

    static PairMoments of(Dataset<Row> rows, List<ColumnSpec> columns) {
        int k = columns.size();
        Dataset<Row> complete = Quantiles.numbers(rows, columns).na().drop();
        CoMoments total = complete.javaRDD().treeAggregate(new CoMoments(k), CoMoments::add, CoMoments::merge);
        return new PairMoments(total.count, total.covariances());
    }

    /**
     * Pearson's r of every pair: the covariance over both standard deviations, as Spark's own correlation computes
     * it. A constant column (no variance) has no correlation with anything, itself included: NaN.
     */
    double[][] correlations() {
        int k = covariances.length;
        double[][] correlations = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double spread = Math.sqrt(covariances[i][i] * covariances[j][j]);
                correlations[i][j] = spread > 0 ? i == j ? 1.0 : clamp(covariances[i][j] / spread) : Double.NaN;
            }
        }
        return correlations;
    }

    /** Rounding may carry a perfect correlation a hair past ±1. */
    private static double clamp(double r) {
        return Math.max(-1.0, Math.min(1.0, r));
    }

    /** Count, means and co-moments (sums of products of deviations from the means) of the rows seen so far. */
    static final class CoMoments implements Serializable {

        private long count;
        private final double[] means;
        /** Upper triangle, row by row: {@code i <= j}. */
        private final double[] coMoments;
        private final double[] deviations;

        CoMoments(int columns) {
            this.means = new double[columns];
            this.coMoments = new double[columns * (columns + 1) / 2];
            this.deviations = new double[columns];
        }

        CoMoments add(Row row) {
            int k = means.length;
            count++;
            for (int i = 0; i < k; i++) {
                deviations[i] = row.getDouble(i) - means[i];
                means[i] += deviations[i] / count;
            }
            // (x - old mean)(y - new mean) = (n - 1) / n · dx · dy
            double weight = (count - 1.0) / count;
            int cell = 0;
            for (int i = 0; i < k; i++) {
                double scaled = deviations[i] * weight;
                for (int j = i; j < k; j++) {
                    coMoments[cell++] += scaled * deviations[j];
                }
            }
            return this;
        }

        CoMoments merge(CoMoments other) {
            if (other.count == 0) {
                return this;
            }
            if (count == 0) {
                return other;
            }
            int k = means.length;
            long total = count + other.count;
            double weight = (double) count * other.count / total;
            for (int i = 0; i < k; i++) {
                deviations[i] = other.means[i] - means[i];
            }
            int cell = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    coMoments[cell] += other.coMoments[cell] + deviations[i] * deviations[j] * weight;
                    cell++;
                }
            }
            for (int i = 0; i < k; i++) {
                means[i] += deviations[i] * other.count / total;
            }
            count = total;
            return this;
        }

        double[][] covariances() {
            int k = means.length;
            double[][] covariances = new double[k][k];
            int cell = 0;
            for (int i = 0; i < k; i++) {
                for (int j = i; j < k; j++) {
                    double value = count < 2 ? Double.NaN : coMoments[cell] / (count - 1);
                    covariances[i][j] = value;
                    covariances[j][i] = value;
                    cell++;
                }
            }
            return covariances;
        }
    }
}
