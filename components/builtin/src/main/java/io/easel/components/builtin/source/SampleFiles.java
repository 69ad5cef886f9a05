package io.easel.components.builtin.source;

import io.easel.component.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The samples directory that paths call {@value Example#SAMPLES}: every bundled dataset as a CSV file, credit_g
 * also as Parquet and as JSON Lines (each a directory, as Spark writes them), iris as a LibSVM file, which the
 * file sources' examples read, and a decision tree trained on iris as PMML, which score-with-model's example reads.
 * Written where missing, each file whole or not at all (a temporary name, then a rename), so engines that start
 * together never see half a file.
 */
public final class SampleFiles {

    /** credit_g as the Parquet and JSON Lines examples read it. */
    public static final String CREDIT_PARQUET = "credit_g.parquet";
    public static final String CREDIT_JSON_LINES = "credit_g.jsonl";

    /**
     * iris as a LibSVM file: the label is the species' index in alphabetical order (setosa 0, versicolor 1,
     * virginica 2), features 1 to 4 the four measurements in the CSV's column order.
     */
    public static final String IRIS_LIBSVM = "iris.libsvm";

    /** A decision tree trained on iris, as PMML: what score-with-model's example scores iris with. */
    public static final String IRIS_TREE_PMML = "iris_decision_tree.pmml";

    private SampleFiles() {}

    /**
     * Writes what is missing of the samples under {@code directory} (any Hadoop file system URI).
     *
     * @return the names written (none when all were there)
     */
    public static List<String> ensure(SparkSession spark, String directory) throws IOException {
        Path root = new Path(URI.create(directory.endsWith("/") ? directory : directory + "/"));
        FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        List<String> written = new ArrayList<>();
        for (String dataset : SampleDataset.names()) {
            String name = dataset + ".csv";
            if (writeIfMissing(fs, root, name, temp -> copy(fs, name, temp))) {
                written.add(name);
            }
        }
        if (writeIfMissing(fs, root, CREDIT_PARQUET, temp -> SampleDataset.rows(spark, "credit_g").coalesce(1)
                .write().parquet(temp.toString()))) {
            written.add(CREDIT_PARQUET);
        }
        if (writeIfMissing(fs, root, CREDIT_JSON_LINES, temp -> SampleDataset.rows(spark, "credit_g").coalesce(1)
                .write().json(temp.toString()))) {
            written.add(CREDIT_JSON_LINES);
        }
        if (writeIfMissing(fs, root, IRIS_LIBSVM, temp -> writeIrisLibSvm(spark, fs, temp))) {
            written.add(IRIS_LIBSVM);
        }
        if (writeIfMissing(fs, root, IRIS_TREE_PMML, temp -> copy(fs, IRIS_TREE_PMML, temp))) {
            written.add(IRIS_TREE_PMML);
        }
        return written;
    }

    /** 150 rows, converted on the driver. */
    private static void writeIrisLibSvm(SparkSession spark, FileSystem fs, Path target) {
        List<String> species = List.of("setosa", "versicolor", "virginica");
        StringBuilder text = new StringBuilder();
        for (Row row : SampleDataset.rows(spark, "iris").collectAsList()) {
            text.append(species.indexOf(row.<String>getAs("species")));
            for (int i = 0; i < 4; i++) {
                text.append(' ').append(i + 1).append(':').append(row.getDouble(i));
            }
            text.append('\n');
        }
        try (OutputStream out = fs.create(target, false)) {
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }

    private static boolean writeIfMissing(FileSystem fs, Path root, String name, Consumer<Path> writer)
            throws IOException {
        Path target = new Path(root, name);
        if (fs.exists(target)) {
            return false;
        }
        fs.mkdirs(root);
        Path temp = new Path(root, "." + name + "." + UUID.randomUUID());
        try {
            writer.accept(temp);
            return fs.rename(temp, target); // false when another engine was quicker
        } finally {
            fs.delete(temp, true);
        }
    }

    private static void copy(FileSystem fs, String bundledFile, Path target) {
        try (InputStream in = SampleDataset.open(bundledFile); OutputStream out = fs.create(target, false)) {
            in.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target, e);
        }
    }
}
