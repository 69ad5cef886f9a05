package io.easel.components.transform;

import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.attribute.AttributeGroup;
import org.apache.spark.ml.attribute.NumericAttribute;
import org.apache.spark.ml.functions;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * One-hot encoding of text columns in one step: each output is a vector with a 1 in the slot of the input's category
 * and 0 elsewhere; a missing value or a category not among the fitted ones gives a vector of zeros. Slots are named
 * after their category in the vector's ML attributes, so learners and reports name them ({@code vector=category}). Spark's
 * StringIndexer + OneHotEncoder need two stages, an extra column and special care for missing values in PMML; this
 * one is exported by {@code io.easel.components.pmml.CategoryFlagsConverter} as one {@code x == category} test per
 * slot.
 */
public final class CategoryFlags extends ColumnwiseTransformer<CategoryFlags> {

    private final CategoryLists categories;

    public CategoryFlags() {
        this(Identifiable.randomUID("easelCategoryFlags"));
    }

    public CategoryFlags(String uid) {
        super(uid, "text columns to encode", "the vector columns, one per input");
        this.categories = new CategoryLists(this);
    }

    public static MLReader<CategoryFlags> read() {
        return new DefaultParamsReader<>();
    }

    public static CategoryFlags load(String path) {
        return read().load(path);
    }

    public StringArrayParam categories() {
        return categories.categories;
    }

    public IntArrayParam counts() {
        return categories.counts;
    }

    /** @param perInput the categories of each input, in slot order */
    public CategoryFlags setCategories(List<List<String>> perInput) {
        categories.set(this, perInput);
        return this;
    }

    /** The categories of each input, in slot order. */
    public List<List<String>> getCategories() {
        return categories.get(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (getOutputCols().size() != inputs.size() || getCategories().size() != inputs.size()) {
            throw new IllegalArgumentException("CategoryFlags: " + inputs.size() + " inputs, "
                    + getOutputCols().size() + " outputs and " + getCategories().size() + " category lists");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            if (!(schema.apply(inputs.get(i)).dataType() instanceof StringType)) {
                throw new IllegalArgumentException("CategoryFlags: column '" + inputs.get(i) + "' is not text");
            }
            result = result.add(slots(i).toStructField());
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> vectors = new LinkedHashMap<>();
        for (int i = 0; i < getInputCols().size(); i++) {
            Column x = dataset.col(getInputCols().get(i));
            Column[] flags = getCategories().get(i).stream()
                    .map(category -> when(x.equalTo(category), 1.0).otherwise(0.0)).toArray(Column[]::new);
            Column vector = flags.length == 0 ? functions.array_to_vector(org.apache.spark.sql.functions.array())
                    : functions.array_to_vector(org.apache.spark.sql.functions.array(flags));
            vectors.put(getOutputCols().get(i), vector.as(getOutputCols().get(i), slots(i).toMetadata()));
        }
        return dataset.withColumns(vectors);
    }

    /** The output vector's attributes: one numeric slot per category, named after it. */
    private AttributeGroup slots(int input) {
        NumericAttribute[] attributes = getCategories().get(input).stream()
                .map(category -> NumericAttribute.defaultAttr().withName(category))
                .toArray(NumericAttribute[]::new);
        return new AttributeGroup(getOutputCols().get(input), attributes);
    }
}
