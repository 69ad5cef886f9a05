package io.easel.components.transform;

import com.hankcs.hanlp.seg.common.Term;
import com.hankcs.hanlp.tokenizer.StandardTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Splits Chinese text into words with HanLP's standard segmenter (a dictionary and bigram model shipped in the HanLP
 * portable jar, loaded once per JVM), as a word-list column. Runs of Latin letters and digits stay whole. A missing
 * text gives no words. Punctuation is dropped unless kept, and whitespace always is. No PMML form.
 */
public final class ChineseWordSegmenter extends Transformer implements DefaultParamsWritable {

    /** HanLP's part-of-speech tags of punctuation start with this letter. */
    private static final String PUNCTUATION_TAG = "w";

    private final String uid;
    private final Param<String> inputCol;
    private final Param<String> outputCol;
    private final BooleanParam keepPunctuation;

    public ChineseWordSegmenter() {
        this(Identifiable.randomUID("easelChineseWordSegmenter"));
    }

    public ChineseWordSegmenter(String uid) {
        this.uid = uid;
        this.inputCol = new Param<>(this, "inputCol", "the text column");
        this.outputCol = new Param<>(this, "outputCol", "the word-list column");
        this.keepPunctuation = new BooleanParam(this, "keepPunctuation", "whether punctuation marks are words");
        setDefault(keepPunctuation, false);
    }

    public static MLReader<ChineseWordSegmenter> read() {
        return new DefaultParamsReader<>();
    }

    public static ChineseWordSegmenter load(String path) {
        return read().load(path);
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds a transformer's params by its public methods that return them

    public Param<String> inputCol() {
        return inputCol;
    }

    public Param<String> outputCol() {
        return outputCol;
    }

    public BooleanParam keepPunctuation() {
        return keepPunctuation;
    }

    public ChineseWordSegmenter setInputCol(String column) {
        set(inputCol, column);
        return this;
    }

    public ChineseWordSegmenter setOutputCol(String column) {
        set(outputCol, column);
        return this;
    }

    public ChineseWordSegmenter setKeepPunctuation(boolean keep) {
        set(keepPunctuation, keep);
        return this;
    }

    /** The words of {@code text}, as the transformer writes them. */
    public static List<String> words(String text, boolean keepPunctuation) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        for (Term term : StandardTokenizer.segment(text)) {
            String word = term.word.strip();
            boolean punctuation = term.nature != null && term.nature.startsWith(PUNCTUATION_TAG);
            if (!word.isEmpty() && (keepPunctuation || !punctuation)) {
                words.add(word);
            }
        }
        return words;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!(schema.apply($(inputCol)).dataType() instanceof StringType)) {
            throw new IllegalArgumentException("ChineseWordSegmenter: column '" + $(inputCol) + "' is "
                    + schema.apply($(inputCol)).dataType().simpleString() + ", not text");
        }
        return schema.add($(outputCol), DataTypes.createArrayType(DataTypes.StringType, true), true);
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        boolean keep = (Boolean) $(keepPunctuation);
        UserDefinedFunction segment = functions.udf((UDF1<String, List<String>>) text -> words(text, keep),
                DataTypes.createArrayType(DataTypes.StringType, true));
        return dataset.withColumn($(outputCol), segment.apply(dataset.col("`" + $(inputCol).replace("`", "``")
                + "`")));
    }

    @Override
    public ChineseWordSegmenter copy(ParamMap extra) {
        return (ChineseWordSegmenter) defaultCopy(extra);
    }
}
