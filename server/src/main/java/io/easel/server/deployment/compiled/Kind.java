package io.easel.server.deployment.compiled;

import org.dmg.pmml.DataType;

/**
 * What a compiled field holds in its {@code double} slot: an integer or a double as it is, text as its code in the
 * model's {@link TextCodes}, a boolean as 1 or 0; always NaN for a missing value.
 */
enum Kind {
    INTEGER, DOUBLE, TEXT, BOOLEAN;

    /** @throws NotCompilableException for data types the compiler leaves to the interpreter (float, dates…) */
    static Kind of(DataType type, String field) throws NotCompilableException {
        if (type == null) {
            throw new NotCompilableException("field '" + field + "' has no data type");
        }
        return switch (type) {
            case INTEGER -> INTEGER;
            case DOUBLE -> DOUBLE;
            case STRING -> TEXT;
            default -> throw new NotCompilableException("field '" + field + "' has data type " + type.value());
        };
    }

    boolean isNumber() {
        return this == INTEGER || this == DOUBLE;
    }

    /** Whether a value of {@code source} kind is stored unchanged in a field of this kind. */
    boolean holds(Kind source) {
        return this == source || (this == DOUBLE && source == INTEGER);
    }
}
