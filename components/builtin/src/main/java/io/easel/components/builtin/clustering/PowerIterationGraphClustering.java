package io.easel.components.builtin.clustering;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.easel.component.BoundParams;
import io.easel.component.Category;
import io.easel.component.ColumnSpec;
import io.easel.component.ComponentDescriptor;
import io.easel.component.DataType;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.SchemaRule;
import io.easel.component.TableSpec;
import io.easel.component.Text;
import io.easel.components.learn.ClusteringLearner;
import io.easel.components.spi.ExampleData;
import io.easel.components.spi.ExecutionContext;
import io.easel.components.spi.SparkComponent;
import io.easel.components.spi.TableData;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.PowerIterationClustering;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Power iteration clustering (Spark's {@code PowerIterationClustering}, Lin and Cohen): clusters the vertices of a
 * graph whose edges carry similarities, from a few power iterations of its normalised affinity matrix. Analysts
 * usually have a table, so it takes either an edge list or rows with feature columns, from which it builds the graph
 * of every pair of rows with a Gaussian similarity; that graph grows with the square of the rows, so it is limited
 * to {@value #MAX_ROWS} rows. Either way the output lists each vertex with its cluster.
 */
public final class PowerIterationGraphClustering implements SparkComponent {

    static final String ID = "power-iteration-clustering";

    /** The most rows a similarity graph of every pair is built for: about half a million pairs. */
    static final int MAX_ROWS = 1000;

    private static final String ID_COLUMN_NAME = "id";
    private static final String SOURCE = "src";
    private static final String DESTINATION = "dst";
    private static final String WEIGHT = "weight";
    private static final DataType[] ID_TYPES = {DataType.INTEGER, DataType.LONG};

    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Rows or edges", "数据行或边"));

    public static final Param<String> INPUT = Param.choice("input", Text.of("Input holds", "输入内容"),
                    Param.option("rows", Text.of("Rows with features (one vertex each)", "带特征的数据行（每行一个顶点）")),
                    Param.option("edges", Text.of("An edge list (source, destination, similarity)",
                            "边列表（源、目标、相似度）")))
            .description(Text.of("Rows: every pair of rows is connected with a similarity that falls with the "
                            + "distance between their features (at most " + MAX_ROWS + " rows). Edges: each row "
                            + "connects two vertices.",
                    "数据行：每两行之间以随特征距离衰减的相似度相连（最多 " + MAX_ROWS + " 行）。边列表：每行连接两个顶点。"))
            .defaultValue("rows")
            .required();

    public static final Param<String> ID_COLUMN = Param.column("idColumn", Text.of("Row id column", "行标识列"), IN,
                    ID_TYPES)
            .description(Text.of("Identifies each row in the output; leave blank to number the rows from 0 in "
                            + "their order.",
                    "在输出中标识每一行；留空则按行的顺序从 0 开始编号。"))
            .visibleWhen(INPUT, "rows");

    public static final Param<List<String>> FEATURE_COLUMNS = Param.columns("featureColumns",
                    Text.of("Feature columns", "特征列"), IN, DataType.STRING, DataType.INTEGER, DataType.LONG,
                    DataType.DOUBLE, DataType.BOOLEAN, DataType.VECTOR)
            .description(Text.of("Columns the distance between rows is measured on; leave empty to use every "
                            + "column but the id. Text is one-hot encoded, booleans become 0/1, missing numbers "
                            + "take the column's mean.",
                    "用于计算行间距离的列；留空则使用除标识列以外的所有列。文本做独热编码，布尔列转为 0/1，缺失数值取该列均值。"))
            .excluding(ID_COLUMN)
            .allWhenEmpty()
            .visibleWhen(INPUT, "rows");

    public static final Param<Double> BANDWIDTH = Param.decimal("bandwidth",
                    Text.of("Similarity width (sigma)", "相似度宽度（sigma）"))
            .description(Text.of("Two rows at distance d have similarity exp(-d² / (2 sigma²)): a smaller width "
                            + "links only close rows. Leave blank to use the median distance between rows.",
                    "距离为 d 的两行相似度为 exp(-d² / (2 sigma²))：宽度越小，只有越近的行相连。留空则取行间距离的中位数。"))
            .range(0, true, null, false)
            .visibleWhen(INPUT, "rows")
            .advanced();

    public static final Param<String> SOURCE_COLUMN = Param.column("sourceColumn", Text.of("Source column", "源顶点列"),
                    IN, ID_TYPES)
            .description(Text.of("The vertex an edge starts from.", "边的起点顶点。"))
            .visibleWhen(INPUT, "edges")
            .required();

    public static final Param<String> DESTINATION_COLUMN = Param.column("destinationColumn",
                    Text.of("Destination column", "目标顶点列"), IN, ID_TYPES)
            .description(Text.of("The vertex an edge ends at; each pair is needed once, in either direction.",
                    "边的终点顶点；每对顶点只需一条边，方向不限。"))
            .excluding(SOURCE_COLUMN)
            .visibleWhen(INPUT, "edges")
            .required();

    public static final Param<String> WEIGHT_COLUMN = Param.column("weightColumn",
                    Text.of("Similarity column", "相似度列"), IN, DataType.INTEGER, DataType.LONG, DataType.DOUBLE)
            .description(Text.of("How similar the two vertices are, 0 or more; leave blank to weigh every edge 1.",
                    "两个顶点的相似度，不小于 0；留空则每条边权重为 1。"))
            .excluding(SOURCE_COLUMN, DESTINATION_COLUMN)
            .visibleWhen(INPUT, "edges");

    public static final Param<Integer> K = ClusteringParams.clusters(2);

    public static final Param<Integer> MAX_ITER = ClusteringParams.maxIter(20);

    public static final Param<String> INIT_MODE = Param.choice("initMode", Text.of("Start from", "初始向量"),
                    Param.option("random", Text.of("A random vector", "随机向量")),
                    Param.option("degree", Text.of("The vertices' degrees", "顶点的度")))
            .description(Text.of("The vector the power iterations start from.", "幂迭代的起始向量。"))
            .defaultValue("random")
            .advanced();

    static final TableSpec OUT_SPEC = TableSpec.of(ColumnSpec.of(ID_COLUMN_NAME, DataType.LONG),
            ColumnSpec.of(ClusteringLearner.CLUSTER, DataType.INTEGER));

    public static final Port OUT = Port.output("out", PortType.TABLE, Text.of("Clusters", "聚类结果"),
            SchemaRule.fixed(OUT_SPEC));

    private static final ComponentDescriptor DESCRIPTOR = ComponentDescriptor.builder(ID)
            .category(Category.CLUSTERING)
            .title("Power iteration clustering", "幂迭代聚类")
            .description("Clusters the vertices of a similarity graph, given as an edge list or built from rows "
                            + "with features (every pair of rows, at most " + MAX_ROWS + " rows). Outputs each "
                            + "vertex's id and cluster; there is no model to apply to new rows.",
                    "对相似度图的顶点聚类，图可以是边列表，也可以由带特征的数据行构建（每两行之间相连，最多 " + MAX_ROWS
                            + " 行）。输出每个顶点的标识和所属簇；不产生可应用于新数据的模型。")
            .keywords("power iteration clustering", "pic", "graph clustering", "spectral clustering",
                    "community detection", "similarity graph", "clustering", "图聚类", "谱聚类", "社区发现", "幂迭代",
                    "聚类")
            .inputs(IN)
            .outputs(OUT)
            .params(INPUT, ID_COLUMN, FEATURE_COLUMNS, BANDWIDTH, SOURCE_COLUMN, DESTINATION_COLUMN, WEIGHT_COLUMN,
                    K, MAX_ITER, INIT_MODE)
            .examples(Example.of("Iris flowers, by the similarity of their measurements", "按测量值相似度对鸢尾花聚类",
                            Map.of("k", 3, "featureColumns", ClusteringLearner.IRIS_MEASUREMENTS))
                    .input(IN, ExampleData.dataset("iris")))
            .build();

    @Override
    public ComponentDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public void execute(ExecutionContext ctx) {
        Dataset<Row> rows = ctx.table(IN).rows();
        BoundParams params = ctx.params();
        Dataset<Row> edges = ("edges".equals(ctx.param(INPUT)) ? edgeList(rows, params) : similarityGraph(rows,
                params)).persist();
        try {
            long vertices = edges.select(col(SOURCE)).union(edges.select(col(DESTINATION))).distinct().count();
            if (vertices < ctx.param(K)) {
                throw new IllegalArgumentException(ID + ": param 'k' asks for " + ctx.param(K) + " clusters of "
                        + vertices + " connected vertices; lower it");
            }
            Dataset<Row> clusters = new PowerIterationClustering()
                    .setK(ctx.param(K))
                    .setMaxIter(ctx.param(MAX_ITER))
                    .setInitMode(ctx.param(INIT_MODE))
                    .setSrcCol(SOURCE)
                    .setDstCol(DESTINATION)
                    .setWeightCol(WEIGHT)
                    .assignClusters(edges)
                    .select(col("id").as(ID_COLUMN_NAME), col("cluster").as(ClusteringLearner.CLUSTER))
                    .orderBy(ID_COLUMN_NAME)
                    .localCheckpoint(); // computed once, here, while the edges are cached
            ctx.output(OUT, TableData.source(clusters));
        } finally {
            edges.unpersist();
        }
    }

    /** The user's edges as (src, dst, weight), refusing missing ids or weights and negative weights. */
    private static Dataset<Row> edgeList(Dataset<Row> rows, BoundParams params) {
        ColumnSpec source = params.column(SOURCE_COLUMN);
        ColumnSpec destination = params.column(DESTINATION_COLUMN);
        ColumnSpec weight = params.column(WEIGHT_COLUMN);
        Column weightValue = weight == null ? lit(1.0) : col(quoted(weight.name())).cast(DataTypes.DoubleType);
        Dataset<Row> edges = rows.select(col(quoted(source.name())).cast(DataTypes.LongType).as(SOURCE),
                col(quoted(destination.name())).cast(DataTypes.LongType).as(DESTINATION), weightValue.as(WEIGHT));
        Row problems = edges.agg(count(when(col(SOURCE).isNull().or(col(DESTINATION).isNull()), 1)),
                count(when(col(WEIGHT).isNull().or(functions.isnan(col(WEIGHT))), 1)),
                count(when(col(WEIGHT).lt(0), 1))).first();
        if (problems.getLong(0) > 0) {
            throw new IllegalArgumentException(ID + ": " + problems.getLong(0) + " edges lack a vertex in '"
                    + source.name() + "' or '" + destination.name() + "'; filter them out first");
        }
        if (weight != null && problems.getLong(1) + problems.getLong(2) > 0) {
            throw new IllegalArgumentException(ID + ": similarity column '" + weight.name() + "' has "
                    + problems.getLong(1) + " missing and " + problems.getLong(2) + " negative values; "
                    + "similarities must be 0 or more");
        }
        // a vertex's similarity to itself says nothing about which cluster it belongs to
        return edges.filter(col(SOURCE).notEqual(col(DESTINATION)));
    }

    /** Every pair of rows once, with the Gaussian similarity of their feature vectors. */
    private static Dataset<Row> similarityGraph(Dataset<Row> rows, BoundParams params) {
        long count = rows.count();
        if (count > MAX_ROWS) {
            throw new IllegalArgumentException(ID + ": input 'in' has " + count + " rows, and the graph of every "
                    + "pair of rows is limited to " + MAX_ROWS + " rows; sample or aggregate the rows first, or "
                    + "give an edge list of the pairs that matter");
        }
        ColumnSpec id = params.column(ID_COLUMN);
        Column vertex = id == null
                ? row_number().over(Window.orderBy(monotonically_increasing_id())).minus(1)
                : col(quoted(id.name()));
        Dataset<Row> vectors = ClusteringLearner.withFeatureVectors(ID, rows, params.columns(FEATURE_COLUMNS))
                .select(vertex.cast(DataTypes.LongType).as(ID_COLUMN_NAME), col(ClusteringLearner.FEATURES))
                .localCheckpoint();
        if (id != null) {
            refuseUnusableIds(vectors, id, count);
        }
        UserDefinedFunction squaredDistance = functions.udf(
                (UDF2<Vector, Vector, Double>) Vectors::sqdist, DataTypes.DoubleType);
        Dataset<Row> a = vectors.toDF("a_id", "a");
        Dataset<Row> b = vectors.toDF("b_id", "b");
        Dataset<Row> pairs = a.crossJoin(b).filter(col("a_id").lt(col("b_id")))
                .select(col("a_id").as(SOURCE), col("b_id").as(DESTINATION),
                        squaredDistance.apply(col("a"), col("b")).as("d2"))
                .localCheckpoint(); // read twice: for the median, and for the similarities
        double sigma = params.get(BANDWIDTH) != null ? params.get(BANDWIDTH) : medianDistance(pairs);
        return pairs.select(col(SOURCE), col(DESTINATION),
                exp(col("d2").divide(-2 * sigma * sigma)).as(WEIGHT));
    }

    /** The median distance between two rows, a scale that suits the data whatever its units. */
    private static double medianDistance(Dataset<Row> pairs) {
        double median = Math.sqrt(pairs.stat().approxQuantile("d2", new double[] {0.5}, 0.001)[0]);
        if (!(median > 0)) {
            throw new IllegalArgumentException(ID + ": most rows have the same features, so distances give no "
                    + "scale; set 'bandwidth', or choose feature columns that tell the rows apart");
        }
        return median;
    }

    private static void refuseUnusableIds(Dataset<Row> vectors, ColumnSpec id, long rows) {
        Row ids = vectors.agg(count(col(ID_COLUMN_NAME)), functions.countDistinct(col(ID_COLUMN_NAME))).first();
        if (ids.getLong(0) < rows || ids.getLong(1) < ids.getLong(0)) {
            throw new IllegalArgumentException(ID + ": row id column '" + id.name() + "' has "
                    + (rows - ids.getLong(0)) + " missing and " + (ids.getLong(0) - ids.getLong(1)) + " repeated "
                    + "values; each row needs an id of its own (leave it blank to number the rows)");
        }
    }

    private static String quoted(String name) {
        return "`" + name.replace("`", "``") + "`";
    }
}
