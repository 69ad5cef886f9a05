package io.easel.components.builtin.classification;

import io.easel.component.Param;
import io.easel.component.Text;
import io.easel.components.learn.SparkParams;
import io.easel.components.learn.SharedParams;
import io.easel.components.learn.SupervisedLearner;
import io.easel.components.learn.SupervisedLearner.Fitting;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.ml.classification.MultilayerPerceptronClassificationModel;

/**
 * A feed-forward neural network for two or more classes (Spark's {@code MultilayerPerceptronClassifier}): sigmoid
 * hidden layers, a softmax output. The user gives only the hidden layers; the input layer is the feature vector's
 * size and the output layer the number of classes, both known once training has looked at the data. Text features
 * are one-hot encoded. Converts to PMML.
 */
public final class MultilayerPerceptronClassifier extends SupervisedLearner {

    public static final Param<String> HIDDEN_LAYERS = Param.string("hiddenLayers",
                    Text.of("Hidden layer sizes", "隐藏层大小"))
            .description(Text.of("Neurons in each hidden layer, separated by commas, e.g. 10,5 for two layers. The "
                            + "input and output layers follow from the features and the classes.",
                    "各隐藏层的神经元个数，用逗号分隔，例如 10,5 表示两层。输入层和输出层由特征和类别自动确定。"))
            .defaultValue("10")
            .required();

    public static final Param<Integer> MAX_ITER = SharedParams.MAX_ITER;

    public static final Param<String> SOLVER = Param.choice("solver", Text.of("Solver", "优化算法"),
                    Param.option("l-bfgs", Text.of("L-BFGS", "L-BFGS 拟牛顿法")),
                    Param.option("gd", Text.of("Gradient descent", "梯度下降")))
            .description(Text.of("L-BFGS usually converges in fewer iterations; gradient descent uses the step "
                            + "size.",
                    "L-BFGS 通常以更少的迭代收敛；梯度下降使用步长参数。"))
            .defaultValue("l-bfgs")
            .advanced();

    public static final Param<Double> STEP_SIZE = Param.decimal("stepSize", Text.of("Step size", "步长"))
            .description(Text.of("How far each gradient-descent iteration moves.", "每次梯度下降迭代移动的幅度。"))
            .defaultValue(0.03)
            .range(0, true, null, false)
            .visibleWhen(SOLVER, "gd")
            .advanced();

    public static final Param<Integer> BLOCK_SIZE = Param.integer("blockSize", Text.of("Block size", "数据块大小"))
            .description(Text.of("Rows stacked into one matrix for training; 10 to 1000 is usual.",
                    "训练时堆叠成一个矩阵的行数；通常为 10 到 1000。"))
            .defaultValue(128)
            .range(1, null)
            .advanced();

    public static final Param<Double> TOL = SharedParams.TOL;

    public static final Param<Integer> SEED = SharedParams.SEED;

    /** The params Spark takes as they are, in form order. */
    private static final Param<?>[] PARAMS = {MAX_ITER, SOLVER, STEP_SIZE, BLOCK_SIZE, TOL, SEED};

    public MultilayerPerceptronClassifier() {
        super(classifier("multilayer-perceptron")
                .title("Multilayer perceptron", "多层感知机")
                .description("A feed-forward neural network for two or more classes: you give the hidden layers, "
                                + "the input and output layers follow from the features and the classes. Learns "
                                + "curved class boundaries; features of similar scale train best. Applying the model "
                                + "adds the predicted label, the class probabilities and a score.",
                        "用于两个或多个类别的前馈神经网络：只需给出隐藏层，输入层和输出层由特征和类别自动确定。能学习弯曲的类别边界；"
                                + "特征尺度相近时训练效果最好。应用模型会追加预测标签、各类别概率以及得分。")
                .keywords("neural network", "mlp", "perceptron", "deep learning", "classification", "multiclass",
                        "神经网络", "多层感知机", "深度学习", "分类", "多分类")
                .params(HIDDEN_LAYERS, MAX_ITER, SOLVER, STEP_SIZE, BLOCK_SIZE, TOL, SEED)
                .checkBeforeFit(fitting -> hiddenLayers(fitting.componentId(), fitting.params().get(HIDDEN_LAYERS)))
                .estimatorFor(fitting -> SparkParams.set(
                        new org.apache.spark.ml.classification.MultilayerPerceptronClassifier(), fitting.params(),
                        PARAMS).setLayers(layers(fitting)))
                .facts((MultilayerPerceptronClassificationModel m) -> facts(m)));
    }

    /**
     * The hidden layer sizes a user wrote.
     *
     * @throws IllegalArgumentException naming the param and showing the format, for anything but positive whole
     *     numbers separated by commas
     */
    static int[] hiddenLayers(String componentId, String written) {
        try {
            int[] sizes = Arrays.stream(written.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
            if (Arrays.stream(sizes).allMatch(size -> size > 0)) {
                return sizes;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(componentId + ": param 'hiddenLayers' is '" + written + "'; give the "
                + "number of neurons of each hidden layer as positive whole numbers separated by commas, e.g. 10,5");
    }

    /** The hidden layers between an input layer of the feature slots and an output layer of the classes. */
    private static int[] layers(Fitting fitting) {
        int[] hidden = hiddenLayers(fitting.componentId(), fitting.params().get(HIDDEN_LAYERS));
        int[] layers = new int[hidden.length + 2];
        layers[0] = fitting.slotCount();
        System.arraycopy(hidden, 0, layers, 1, hidden.length);
        layers[layers.length - 1] = fitting.classCount();
        return layers;
    }

    private static Map<String, Object> facts(MultilayerPerceptronClassificationModel model) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("layers", Arrays.stream(model.getLayers()).mapToObj(String::valueOf)
                .collect(Collectors.joining(",")));
        facts.putAll(OptimizerFacts.of(model.summary()));
        return facts;
    }
}
