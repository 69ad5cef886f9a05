package io.easel.server.deployment;

import io.easel.component.ColumnSpec;
import io.easel.component.DataType;
import io.easel.server.deployment.ScoreResponse.Prediction;
import io.easel.server.deployment.ScoringRequestException.Problem;
import io.easel.server.deployment.compiled.RecordScorer;
import io.easel.server.model.ModelVersionView;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.InputField;
import org.springframework.http.HttpStatus;

/**
 * A model version ready to score: the fields a record must carry, checked and prepared by the evaluator's input
 * fields, and the scorer (compiled or interpreted) that answers for them. Immutable and thread-safe, so one
 * instance per version serves every request.
 */
final class ScoringModel {

    /** Problems reported per request at most; the rest are summarised. */
    private static final int MAX_PROBLEMS = 20;

    private final Map<String, RequestField> fields;
    private final ModelCategories categories;
    private final RecordScorer scorer;

    /** @param scorer scores the records the model's input fields prepared: compiled, or the evaluator itself */
    ScoringModel(ModelVersionView version, Evaluator evaluator, ModelCategories categories, RecordScorer scorer) {
        this.fields = requestFields(version.inputs(), evaluator.getInputFields());
        this.categories = categories;
        this.scorer = scorer;
    }

    Collection<RequestField> fields() {
        return fields.values();
    }

    /**
     * Checks every record before any is scored and turns them into evaluator arguments.
     *
     * @param warnings receives what is accepted but ignored (fields the model does not take) or scored as an unknown
     *     category
     * @param unseen what to do with a category the model never saw
     * @throws ScoringRequestException 400 for missing fields and wrong JSON types, 422 for values the model rejects
     */
    List<Map<String, FieldValue>> prepare(List<Map<String, Object>> records, List<String> warnings,
            UnseenCategories unseen) {
        boolean numbered = records.size() > 1;
        List<Problem> malformed = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            Integer position = numbered ? i + 1 : null;
            for (RequestField field : fields.values()) {
                if (!record.containsKey(field.name())) {
                    malformed.add(problem(position, field.name(), "field '" + field.name() + "' is missing"));
                } else {
                    field.typeProblem(record.get(field.name()))
                            .ifPresent(message -> malformed.add(problem(position, field.name(), message)));
                }
            }
            for (String key : record.keySet()) {
                if (!fields.containsKey(key)) {
                    warnings.add(prefix(position) + "field '" + key + "' is not a model input and was ignored");
                }
            }
        }
        failIfAny(HttpStatus.BAD_REQUEST, malformed);

        List<Problem> rejected = new ArrayList<>();
        List<Map<String, FieldValue>> arguments = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            Map<String, Object> record = records.get(i);
            Integer position = numbered ? i + 1 : null;
            Map<String, FieldValue> prepared = new LinkedHashMap<>();
            for (RequestField field : fields.values()) {
                if (field.pmml() == null) {
                    continue;
                }
                Object value = record.get(field.name());
                Optional<ModelCategories.Domain> domain = categories.of(field.name());
                if (value != null && domain.isPresent() && !domain.get().knows(value)) {
                    if (unseen == UnseenCategories.REJECT || domain.get().unknown() == null) {
                        rejected.add(problem(position, field.name(), unseenRejection(field, value, domain.get(),
                                unseen)));
                        continue;
                    }
                    warnings.add(prefix(position) + "field '" + field.name() + "': " + shown(value) + " was never "
                            + "seen in training; scored as the model's unknown category, as Spark scores it");
                }
                try {
                    prepared.put(field.name(), field.pmml().prepare(field.toPmml(value)));
                } catch (RuntimeException e) {
                    rejected.add(problem(position, field.name(), rejection(field, value)));
                }
            }
            arguments.add(prepared);
        }
        failIfAny(HttpStatus.UNPROCESSABLE_CONTENT, rejected);
        return arguments;
    }

    /**
     * Scores one prepared record.
     *
     * @param position 1-based position for messages, or null for a single record
     * @throws ScoringRequestException (422) when the model cannot score it, e.g. for a missing value it cannot handle
     */
    Prediction predict(Map<String, FieldValue> arguments, Integer position) {
        Prediction prediction;
        try {
            prediction = scorer.score(arguments);
        } catch (RuntimeException e) {
            throw cannotScore(arguments, position, e.getMessage());
        }
        if (prediction == null) {
            throw cannotScore(arguments, position, "the model returned no prediction");
        }
        return prediction;
    }

    private ScoringRequestException cannotScore(Map<String, FieldValue> arguments, Integer position, String reason) {
        List<String> missing = arguments.entrySet().stream().filter(e -> isMissing(e.getValue()))
                .map(Map.Entry::getKey).toList();
        // With missing values sent, they are the cause; the evaluator's own words would name its internal fields.
        String message = prefix(position) + switch (missing.size()) {
            case 0 -> "the model cannot score this record: " + reason;
            case 1 -> "field '" + missing.getFirst() + "' is null, and the model cannot score a missing value for it";
            default -> "fields " + missing.stream().map(name -> "'" + name + "'").collect(Collectors.joining(", "))
                    + " are null, and the model cannot score missing values for them";
        };
        String field = missing.size() == 1 ? missing.getFirst() : null;
        return new ScoringRequestException(HttpStatus.UNPROCESSABLE_CONTENT,
                List.of(new Problem(position, field, message)));
    }

    /** JPMML represents a missing value as a null FieldValue. */
    private static boolean isMissing(FieldValue value) {
        return value == null || value.getValue() == null;
    }

    private static String rejection(RequestField field, Object value) {
        StringBuilder message = new StringBuilder("field '").append(field.name()).append("' has value ")
                .append(shown(value))
                .append(value == null ? ", but the model needs a value" : ", which the model does not accept");
        List<?> known = field.pmml().getDiscreteDomain();
        if (value != null && known != null && !known.isEmpty()) {
            message.append(knownValues(known));
        }
        return message.toString();
    }

    private static String unseenRejection(RequestField field, Object value, ModelCategories.Domain domain,
            UnseenCategories unseen) {
        return "field '" + field.name() + "' has value " + shown(value) + ", a category the model never saw in "
                + "training" + knownValues(List.copyOf(domain.known()))
                + (domain.unknown() == null ? "; the model has no category for unseen values"
                        : unseen == UnseenCategories.REJECT ? "; a deployment with unseenCategories 'unknown' scores "
                                + "such values as the model's unknown category" : "");
    }

    private static String knownValues(List<?> known) {
        return " (known values: " + known.stream().limit(30)
                .map(v -> v instanceof String s ? RequestField.quote(s) : String.valueOf(v))
                .collect(Collectors.joining(", ")) + (known.size() > 30 ? ", …)" : ")");
    }

    private static String shown(Object value) {
        return value instanceof String text ? RequestField.quote(text) : String.valueOf(value);
    }

    private static Problem problem(Integer position, String field, String message) {
        return new Problem(position, field, prefix(position) + message);
    }

    private static String prefix(Integer position) {
        return position == null ? "" : "record " + position + ": ";
    }

    private static void failIfAny(HttpStatus status, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        List<Problem> shown = new ArrayList<>(problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS)));
        if (problems.size() > MAX_PROBLEMS) {
            shown.add(new Problem(null, null, "… and " + (problems.size() - MAX_PROBLEMS) + " more problems"));
        }
        throw new ScoringRequestException(status, shown);
    }

    /**
     * The fields a record must carry: the raw columns the version declares, in their order, plus any field the PMML
     * needs that the declaration lacks (older exports may declare none).
     */
    private static Map<String, RequestField> requestFields(List<ColumnSpec> declared, List<InputField> pmmlFields) {
        Map<String, InputField> byName = pmmlFields.stream()
                .collect(Collectors.toMap(InputField::getName, f -> f, (a, b) -> a, LinkedHashMap::new));
        Map<String, RequestField> fields = new LinkedHashMap<>();
        for (ColumnSpec column : Objects.requireNonNullElse(declared, List.<ColumnSpec>of())) {
            fields.put(column.name(), new RequestField(column.name(), column.type(), byName.get(column.name())));
        }
        for (InputField pmml : pmmlFields) {
            fields.computeIfAbsent(pmml.getName(), name -> new RequestField(name, typeOf(pmml), pmml));
        }
        return fields;
    }

    private static DataType typeOf(InputField field) {
        return Optional.ofNullable(field.getDataType()).map(type -> switch (type) {
            case INTEGER -> DataType.INTEGER;
            case FLOAT, DOUBLE -> DataType.DOUBLE;
            case BOOLEAN -> DataType.BOOLEAN;
            case DATE -> DataType.DATE;
            case DATE_TIME -> DataType.TIMESTAMP;
            default -> DataType.STRING;
        }).orElse(DataType.STRING);
    }
}
