package io.easel.components.selection;

import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.PortType;
import io.easel.component.Text;

/** The ports and params model selection components share. */
public final class SelectionParams {

    public static final Port MODEL = Port.input("model", PortType.MODEL, Text.of("Learner's model", "学习器的模型"));
    public static final Port IN = Port.input("in", PortType.TABLE, Text.of("Data", "数据"));

    public static final Param<String> METRIC = ModelMetric.param(MODEL);

    public static final Param<Integer> FOLDS = Param.integer("folds", Text.of("Folds", "折数"))
            .description(Text.of("The rows are divided into this many parts; each is held out once while the "
                            + "learner trains on the others. A classifier's folds keep the classes' shares.",
                    "把数据行分成这么多份；每份轮流留出一次，学习器在其余各份上训练。分类模型的各折保持各类别的比例。"))
            .defaultValue(5)
            .range(2, 20);

    public static final Param<Integer> SEED = Param.integer("seed", Text.of("Random seed", "随机种子"))
            .description(Text.of("Decides which rows go to which part; the same seed divides the same rows alike.",
                    "决定各行分到哪一份；相同种子对相同数据的划分相同。"))
            .defaultValue(42)
            .advanced();

    private SelectionParams() {}
}
