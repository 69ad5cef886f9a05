package io.easel.components.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;

/**
 * Text columns to category numbers: output i is the position of the input's value among its fitted categories, and a
 * missing value or one not among them gets the number after the last category (Spark's StringIndexer with
 * {@code handleInvalid=keep}, which however PMML converts as a text category that linear models cannot read, and with
 * a missing value left missing). The output is a plain number, with the categories recorded in its column metadata
 * under {@value #CATEGORIES} (not as an ML nominal attribute, which would make tree learners split it as a category
 * where the exported model reads a number). Exported by {@code io.easel.components.pmml.CategoryIndexConverter}.
 */
public final class CategoryIndex extends ColumnwiseTransformer<CategoryIndex> {

    /** The metadata key of an index column's categories, in index order. */
    public static final String CATEGORIES = "categories";

    private final CategoryLists categories;

    public CategoryIndex() {
        this(Identifiable.randomUID("easelCategoryIndex"));
    }

    public CategoryIndex(String uid) {
        super(uid, "text columns to index", "the index columns, one per input");
        this.categories = new CategoryLists(this);
    }

    public static MLReader<CategoryIndex> read() {
        return new DefaultParamsReader<>();
    }

    public static CategoryIndex load(String path) {
        return read().load(path);
    }

    public StringArrayParam categories() {
        return categories.categories;
    }

    public IntArrayParam counts() {
        return categories.counts;
    }

    /** @param perInput the categories of each input, in index order */
    public CategoryIndex setCategories(List<List<String>> perInput) {
        categories.set(this, perInput);
        return this;
    }

    public List<List<String>> getCategories() {
        return categories.get(this);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (getOutputCols().size() != inputs.size() || getCategories().size() != inputs.size()) {
            throw new IllegalArgumentException("CategoryIndex: " + inputs.size() + " inputs, "
                    + getOutputCols().size() + " outputs and " + getCategories().size() + " category lists");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            if (!(schema.apply(inputs.get(i)).dataType() instanceof StringType)) {
                throw new IllegalArgumentException("CategoryIndex: column '" + inputs.get(i) + "' is not text");
            }
            result = result.add(getOutputCols().get(i), DataTypes.DoubleType, false, metadata(i));
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> indices = new LinkedHashMap<>();
        for (int i = 0; i < getInputCols().size(); i++) {
            List<String> known = getCategories().get(i);
            Column x = dataset.col(getInputCols().get(i));
            Column positions = map_from_arrays(
                    functions.array(known.stream().map(functions::lit).toArray(Column[]::new)),
                    functions.array(java.util.stream.IntStream.range(0, known.size())
                            .mapToObj(k -> lit((double) k)).toArray(Column[]::new)));
            Column unseen = lit((double) known.size());
            Column index = when(x.isNull(), unseen).otherwise(coalesce(element_at(positions, x), unseen));
            indices.put(getOutputCols().get(i), index.as(getOutputCols().get(i), metadata(i)));
        }
        return dataset.withColumns(indices);
    }

    private Metadata metadata(int input) {
        return new MetadataBuilder().putStringArray(CATEGORIES,
                getCategories().get(input).toArray(String[]::new)).build();
    }
}
