package io.easel.components.testing;

import io.easel.component.BoundParams;
import io.easel.component.Port;
import io.easel.components.spi.DataAccess;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.ModelData;
import io.easel.components.spi.ReportData;
import io.easel.components.spi.TableData;
import io.easel.run.DataRoots;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** What the engine gives a running component, for tests: params bound as the engine binds them, inputs, outputs. */
public final class NodeContext implements ExecutionContext {

    /**
     * Where tests keep data files: the build's test files (the samples directory among them), the bundled datasets
     * as the sources hold them, and the JVM's temporary directory (JUnit's {@code @TempDir}).
     */
    public static final DataRoots TEST_DATA_ROOTS = DataRoots.of(List.of(
            Path.of("target", "test-files").toAbsolutePath().toString(), SampleFiles.DATASETS.toString(),
            Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().toString()), null);

    /** The test data roots, without database connections. */
    public static final DataAccess DATA = new DataAccess(TEST_DATA_ROOTS);

    private final String nodeId;
    private final BoundParams params;
    private final Map<String, Object> inputs;
    private final Map<String, Object> outputs = new LinkedHashMap<>();
    private final DataAccess data;

    public NodeContext(String nodeId, BoundParams params, Map<String, Object> inputs, DataAccess data) {
        this.data = data;
        this.nodeId = nodeId;
        this.params = params;
        this.inputs = Map.copyOf(inputs);
    }

    @Override
    public SparkSession spark() {
        return TestSpark.session();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public BoundParams params() {
        return params;
    }

    @Override
    public DataAccess data() {
        return data;
    }

    @Override
    public TableData table(Port input) {
        return (TableData) input(input);
    }

    @Override
    public ModelData model(Port input) {
        return (ModelData) input(input);
    }

    @Override
    public void output(Port port, TableData table) {
        outputs.put(port.name(), table);
    }

    @Override
    public void output(Port port, ModelData model) {
        outputs.put(port.name(), model);
    }

    @Override
    public void output(Port port, ReportData report) {
        outputs.put(port.name(), report);
    }

    public Map<String, Object> outputs() {
        return outputs;
    }

    private Object input(Port port) {
        return inputs.get(port.name());
    }
}
