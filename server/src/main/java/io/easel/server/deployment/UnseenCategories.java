package io.easel.server.deployment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a deployment does with a text value its model never saw in training. */
public enum UnseenCategories {

    /** Refuse the record with 422, naming the field and the values the model knows. The default. */
    REJECT,
    /**
     * Score it as the model's own unknown category, where Spark's indexers put every unseen value
     * ({@code handleInvalid=keep}), so the answer is Spark's; the response warns about it. A model without such a
     * category still refuses the value (422).
     */
    UNKNOWN;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static UnseenCategories fromJson(String name) {
        for (UnseenCategories value : values()) {
            if (value.jsonName().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("must be 'reject' or 'unknown', not '" + name + "'");
    }
}
