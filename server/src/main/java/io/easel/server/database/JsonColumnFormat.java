package io.easel.server.database;

import java.lang.reflect.Type;
import org.hibernate.type.format.AbstractJsonFormatMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes jsonb columns with Jackson 3. Hibernate 7.2 only knows Jackson 2, which Boot 4 does not ship; the
 * api records carry Jackson 2 annotations, which Jackson 3 honours.
 */
final class JsonColumnFormat extends AbstractJsonFormatMapper {

    private final JsonMapper json;

    JsonColumnFormat(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected <T> T fromString(CharSequence text, Type type) {
        return json.readValue(text.toString(), json.getTypeFactory().constructType(type));
    }

    @Override
    protected <T> String toString(T value, Type type) {
        return json.writerFor(json.getTypeFactory().constructType(type)).writeValueAsString(value);
    }
}
