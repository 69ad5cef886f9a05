package io.easel.components.transform;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
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
 * Text columns to numbers, one fitted number per category: output i is the number of the input's value among its
 * categories, and a missing value or one not among them gets the input's "unseen" number. With the category positions
 * as numbers this is Spark's StringIndexer with {@code handleInvalid=keep} (whose PMML form, a text category, linear
 * models cannot read, and which leaves a missing value missing in PMML where Spark indexes it); with each category's
 * target statistic it is Spark's TargetEncoderModel applied to text. The output is a plain number; index outputs
 * record their categories in the column metadata under {@value #CATEGORIES} (not as an ML nominal attribute, which
 * would make tree learners split on it as a category where the exported model reads a number). Exported by
 * {@code io.easel.components.pmml.CategoryValuesConverter}.
 */
public final class CategoryValues extends ColumnwiseTransformer<CategoryValues> {

    /** The metadata key of an index column's categories, in index order. */
    public static final String CATEGORIES = "categories";

    private final CategoryLists categories;
    private final DoubleArrayParam values;
    private final DoubleArrayParam unseenValues;
    private final BooleanParam indices;

    public CategoryValues() {
        this(Identifiable.randomUID("easelCategoryValues"));
    }

    public CategoryValues(String uid) {
        super(uid, "text columns to map", "the number columns, one per input");
        this.categories = new CategoryLists(this);
        this.values = new DoubleArrayParam(this, "values", "the number of each category, in the categories' layout");
        this.unseenValues = new DoubleArrayParam(this, "unseenValues",
                "each input's number for a missing or unknown value");
        this.indices = new BooleanParam(this, "indices",
                "whether the numbers are the category positions, recorded in the output's metadata");
        setDefault(indices, false);
    }

    public static MLReader<CategoryValues> read() {
        return new DefaultParamsReader<>();
    }

    public static CategoryValues load(String path) {
        return read().load(path);
    }

    public StringArrayParam categories() {
        return categories.categories;
    }

    public IntArrayParam counts() {
        return categories.counts;
    }

    public DoubleArrayParam values() {
        return values;
    }

    public DoubleArrayParam unseenValues() {
        return unseenValues;
    }

    public BooleanParam indices() {
        return indices;
    }

    public boolean getIndices() {
        return (Boolean) $(indices);
    }

    /**
     * Maps each input's categories to their positions 0, 1, … and anything else to the next position, and records
     * the categories on the outputs.
     */
    public CategoryValues setIndices(List<List<String>> perInput) {
        List<Map<String, Double>> positions = perInput.stream().map(categories -> {
            Map<String, Double> numbered = new LinkedHashMap<>();
            categories.forEach(category -> numbered.put(category, (double) numbered.size()));
            return numbered;
        }).toList();
        set(indices, true);
        return setValues(positions, perInput.stream().map(categories -> (double) categories.size()).toList());
    }

    /**
     * @param perInput each input's categories with their numbers, in order
     * @param unseen each input's number for a missing or unknown value
     */
    public CategoryValues setValues(List<Map<String, Double>> perInput, List<Double> unseen) {
        categories.set(this, perInput.stream().map(m -> List.copyOf(m.keySet())).toList());
        set(values, perInput.stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).toArray());
        set(unseenValues, unseen.stream().mapToDouble(Double::doubleValue).toArray());
        return this;
    }

    public List<List<String>> getCategories() {
        return categories.get(this);
    }

    /** Each input's numbers, in the order of its categories. */
    public List<double[]> getValues() {
        List<double[]> result = new ArrayList<>();
        int from = 0;
        for (List<String> inputCategories : getCategories()) {
            result.add(Arrays.copyOfRange($(values), from, from + inputCategories.size()));
            from += inputCategories.size();
        }
        return result;
    }

    public double[] getUnseenValues() {
        return $(unseenValues);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        List<String> inputs = getInputCols();
        if (getOutputCols().size() != inputs.size() || getCategories().size() != inputs.size()) {
            throw new IllegalArgumentException("CategoryValues: " + inputs.size() + " inputs, "
                    + getOutputCols().size() + " outputs and " + getCategories().size() + " category lists");
        }
        StructType result = schema;
        for (int i = 0; i < inputs.size(); i++) {
            if (!(schema.apply(inputs.get(i)).dataType() instanceof StringType)) {
                throw new IllegalArgumentException("CategoryValues: column '" + inputs.get(i) + "' is not text");
            }
            result = result.add(getOutputCols().get(i), DataTypes.DoubleType, false, metadata(i));
        }
        return result;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema());
        Map<String, Column> mapped = new LinkedHashMap<>();
        for (int i = 0; i < getInputCols().size(); i++) {
            Column x = dataset.col(getInputCols().get(i));
            Column numbers = map_from_arrays(
                    functions.array(getCategories().get(i).stream().map(functions::lit).toArray(Column[]::new)),
                    functions.array(Arrays.stream(getValues().get(i)).mapToObj(functions::lit)
                            .toArray(Column[]::new)));
            Column unseen = lit(getUnseenValues()[i]);
            Column number = when(x.isNull(), unseen).otherwise(coalesce(element_at(numbers, x), unseen));
            mapped.put(getOutputCols().get(i), number.as(getOutputCols().get(i), metadata(i)));
        }
        return dataset.withColumns(mapped);
    }

    private Metadata metadata(int input) {
        if (!getIndices()) {
            return Metadata.empty();
        }
        return new MetadataBuilder().putStringArray(CATEGORIES,
                getCategories().get(input).toArray(String[]::new)).build();
    }
}
