package io.easel.component;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Palette sections, in palette order. */
public enum Category {
    DATA_SOURCES(Text.of("Data sources", "数据源")),
    DATA_SINKS(Text.of("Data output", "数据输出")),
    PREPROCESSING(Text.of("Data preprocessing", "数据预处理")),
    FEATURE_ENGINEERING(Text.of("Feature engineering", "特征工程")),
    TEXT_ANALYSIS(Text.of("Text analysis", "文本分析")),
    STATISTICS(Text.of("Statistics", "统计分析")),
    CLASSIFICATION(Text.of("Classification", "分类")),
    REGRESSION(Text.of("Regression", "回归")),
    CLUSTERING(Text.of("Clustering", "聚类")),
    RECOMMENDATION(Text.of("Recommendation and patterns", "推荐与模式挖掘")),
    PREDICTION(Text.of("Prediction", "预测")),
    EVALUATION(Text.of("Evaluation and tuning", "评估与调优"));

    private final Text title;

    Category(Text title) {
        this.title = title;
    }

    public Text title() {
        return title;
    }

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Category fromJson(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
