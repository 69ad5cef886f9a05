package io.easel.components.learn;

import io.easel.component.BoundParams;
import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Example;
import io.easel.component.Param;
import io.easel.component.Port;
import io.easel.component.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;

/**
 * What every learner declares, supervised or not: its id and texts, whether rows may be weighted, how text features
 * are encoded, its own params, its Spark estimator, the training facts read from the fitted model, and examples.
 * Each scaffold extends it with what is particular to its kind of learner ({@link SupervisedLearner.Declaration},
 * {@link ClusteringLearner.Declaration}); the methods return that concrete declaration, so a learner declares
 * everything in one chain.
 *
 * @param <D> the concrete declaration
 */
public abstract class LearnerDeclaration<D extends LearnerDeclaration<D>> {

    final String id;
    Text title;
    Text description;
    final List<String> keywords = new ArrayList<>();
    boolean weighted;
    TextFeatures text = TextFeatures.ONE_HOT;
    final List<Param<?>> own = new ArrayList<>();
    boolean pmml = true;
    Function<BoundParams, Estimator<?>> estimator;
    Function<Model<?>, Map<String, Object>> facts = m -> Map.of();
    final List<Example> examples = new ArrayList<>();
    boolean defaultExamples = true;

    LearnerDeclaration(String id) {
        this.id = id;
    }

    public D title(String en, String zh) {
        title = Text.of(en, zh);
        return self();
    }

    public D description(String en, String zh) {
        description = Text.of(en, zh);
        return self();
    }

    public D keywords(String... words) {
        keywords.addAll(List.of(words));
        return self();
    }

    /** The estimator takes a weight per row. */
    public D weighted() {
        weighted = true;
        return self();
    }

    /** How text features are encoded; one-hot unless said. */
    public D textFeatures(TextFeatures encoding) {
        text = encoding;
        return self();
    }

    /** The learner's own params, in form order, after the ones the scaffold declares (features, weight …). */
    public D params(Param<?>... declared) {
        own.addAll(List.of(declared));
        return self();
    }

    public D params(List<Param<?>> declared) {
        own.addAll(declared);
        return self();
    }

    /** The model has no PMML form (JPMML-SparkML does not convert it): its port is not deployable. */
    public D withoutPmml() {
        pmml = false;
        return self();
    }

    /** The Spark estimator with the learner's own params set; the scaffold sets the columns. */
    public D estimator(Function<BoundParams, Estimator<?>> configured) {
        estimator = configured;
        return self();
    }

    /** Training facts shown with the model, from the fitted Spark model. */
    @SuppressWarnings("unchecked")
    public <M extends Model<?>> D facts(Function<M, Map<String, Object>> fromModel) {
        facts = m -> fromModel.apply((M) m);
        return self();
    }

    /** Examples besides (or, after {@link #onlyTheseExamples()}, instead of) the scaffold's default ones. */
    public D examples(Example... worked) {
        examples.addAll(List.of(worked));
        return self();
    }

    public D onlyTheseExamples() {
        defaultExamples = false;
        return self();
    }

    /** The learner's descriptor: one training input, one model output, the scaffold's params and its own. */
    ComponentDescriptor describe(Category category, Port input, Port model, List<Param<?>> params,
            List<Example> allExamples) {
        return ComponentDescriptor.builder(id)
                .category(category)
                .title(title.en(), title.zh())
                .description(description.en(), description.zh())
                .keywords(keywords.toArray(String[]::new))
                .inputs(input)
                .outputs(model)
                .params(params)
                .examples(allExamples.toArray(Example[]::new))
                .build();
    }

    @SuppressWarnings("unchecked")
    private D self() {
        return (D) this;
    }
}
