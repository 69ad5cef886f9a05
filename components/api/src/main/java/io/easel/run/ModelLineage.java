package io.easel.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.easel.graph.PortRef;
import java.util.List;
import java.util.Map;

/**
 * Where an exported model came from, enough to tell two versions apart and to train the same model again: every node
 * its training depended on with its settings and what fed it, the files its sources read, the software that trained
 * and converted it, and the checksum of the PMML as written. The engine records it at export
 * ({@link RunEvent.ModelExported}); the server keeps it with the model version.
 *
 * @param node the model's node
 * @param steps the model's node and every node upstream of it, in dependency order (sources first, the model's node
 *     last)
 * @param versions the software that trained and converted the model
 * @param pmmlSha256 the SHA-256 (lower-case hex) of the PMML file's bytes as written to the model store
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelLineage(String node, List<Step> steps, Versions versions, String pmmlSha256) {

    /** At most this many files are listed per source (a folder of many parts); {@link SourceData#fileCount} has all. */
    public static final int MAX_FILES_PER_SOURCE = 1000;

    public ModelLineage {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    /**
     * One node the model depends on.
     *
     * @param params every declared param as bound in the run: the user's value, else the default
     * @param inputs which node's output port feeds each connected input port, by input port
     * @param data for a node that reads files: which; null for one that reads none (a bundled sample dataset is
     *     identified by its param and the Easel version)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String node, String component, int version, Map<String, Object> params,
            Map<String, PortRef> inputs, SourceData data) {

        public Step {
            params = params == null ? Map.of() : params;
            inputs = inputs == null ? Map.of() : inputs;
        }
    }

    /**
     * The files a source read, as they were when the run looked: what its fingerprint was computed from.
     *
     * @param files the files in path order, at most {@link #MAX_FILES_PER_SOURCE}
     * @param fileCount how many files it read in all (more than {@code files} holds when the list was cut)
     */
    public record SourceData(List<SourceFile> files, int fileCount) {

        public SourceData {
            files = files == null ? List.of() : List.copyOf(files);
        }
    }

    /**
     * @param path the file's full URI, e.g. {@code file:/data/credit.csv} or {@code hdfs://nn:8020/data/part-0}
     * @param size its length in bytes
     * @param modifiedAt its modification time, epoch milliseconds
     */
    public record SourceFile(String path, long size, long modifiedAt) {}

    /**
     * @param spark the Spark version that trained the model
     * @param jpmmlSparkml the JPMML-SparkML version that converted it to PMML
     * @param easel the Easel version of the engine
     */
    public record Versions(String spark, String jpmmlSparkml, String easel) {}
}
