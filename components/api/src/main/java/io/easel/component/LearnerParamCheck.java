package io.easel.component;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What binding checks of a param about the learner of a model input ({@link ParamDef#learnerOf()}) once that
 * learner's declaration is known: a search space must name its tunable params with allowed values, and a choice meant
 * for some kinds of learner (a metric) must suit it.
 */
final class LearnerParamCheck {

    private LearnerParamCheck() {}

    /** @param value a value that passed {@link ParamDef#check} */
    static List<String> problems(ParamDef def, Object value, ComponentDescriptor learner) {
        return switch (def.type()) {
            case SEARCH_SPACE -> SearchSpace.parse((String) value).resolve(learner).problems();
            case CHOICE -> choiceProblems(def, (String) value, learner);
            default -> List.of();
        };
    }

    private static List<String> choiceProblems(ParamDef def, String value, ComponentDescriptor learner) {
        ParamDef.Choice chosen = def.choices().stream().filter(c -> c.value().equals(value)).findFirst()
                .orElseThrow();
        if (chosen.suits(learner.category())) {
            return List.of();
        }
        return List.of("'" + value + "' is meant for " + chosen.learners().stream().map(LearnerParamCheck::kind)
                .collect(Collectors.joining(" or ")) + " models, but the model on input '" + def.learnerOf()
                + "' comes from '" + learner.id() + "', a " + kind(learner.category()) + " learner; choose one of "
                + def.choices().stream().filter(c -> c.suits(learner.category())).map(ParamDef.Choice::value)
                        .collect(Collectors.joining(", ")));
    }

    private static String kind(Category category) {
        return category.title().en().toLowerCase(Locale.ROOT);
    }
}
