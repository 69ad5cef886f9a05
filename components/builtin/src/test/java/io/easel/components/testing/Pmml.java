package io.easel.components.testing;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.EvaluatorUtil;
import org.jpmml.evaluator.InputField;
import org.jpmml.evaluator.LoadingModelEvaluatorBuilder;
import org.jpmml.sparkml.PMMLBuilder;

/**
 * Export and scoring the way Easel does it: JPMML-SparkML turns a pipeline into PMML XML, JPMML-Evaluator (what
 * deployments use) loads that XML and scores raw records.
 */
public final class Pmml {

    private final Evaluator evaluator;
    private final String xml;

    private Pmml(String xml) throws Exception {
        this.xml = xml;
        this.evaluator = new LoadingModelEvaluatorBuilder()
                .load(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
        evaluator.verify();
    }

    /** Converts (the SparkSession must be running: JPMML-SparkML checks its version) and loads the result. */
    public static Pmml convert(StructType rawSchema, PipelineModel pipeline) throws Exception {
        TestSpark.session();
        byte[] bytes = new PMMLBuilder(rawSchema, pipeline).buildByteArray();
        return new Pmml(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    public String xml() {
        return xml;
    }

    public List<String> inputNames() {
        return evaluator.getInputFields().stream().map(InputField::getName).toList();
    }

    /** Scores one raw record given as the row of a Spark table with the raw columns; results decoded to Java values. */
    public Map<String, ?> score(Row raw) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (InputField input : evaluator.getInputFields()) {
            Object value = raw.isNullAt(raw.fieldIndex(input.getName())) ? null : raw.getAs(input.getName());
            arguments.put(input.getName(), input.prepare(value));
        }
        return EvaluatorUtil.decodeAll(evaluator.evaluate(arguments));
    }
}
