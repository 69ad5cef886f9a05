package io.easel.server.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Refuses text holding a NUL character (U+0000) in request bodies, naming where it is: PostgreSQL can store
 * it in neither text nor JSON columns, so it would otherwise fail deep in a save. Covers string fields, strings in
 * lists and in free-form values (a node's params) and map keys.
 */
final class NulCharacters extends SimpleModule {

    static final String REFUSAL = "holds a NUL character (\\u0000), which Easel cannot store";

    NulCharacters() {
        super("easel-nul-characters");
        addDeserializer(String.class, new Strings());
        addKeyDeserializer(String.class, new Keys());
    }

    private static final class Strings extends StdScalarDeserializer<String> {

        Strings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value != null && value.indexOf('\0') >= 0) {
                throw DatabindException.from(parser, "the text " + REFUSAL);
            }
            return value;
        }
    }

    private static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) {
            if (key.indexOf('\0') >= 0) {
                throw DatabindException.from(context.getParser(), "a key " + REFUSAL);
            }
            return key;
        }
    }
}
