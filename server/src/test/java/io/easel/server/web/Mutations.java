package io.easel.server.web;

import io.easel.server.Api;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mutates a valid JSON request into what a careless or hostile client sends: NUL characters, huge numbers, wrong
 * types, deep nesting, missing, unknown and duplicate keys, truncated or corrupted text, oversized arrays and strings,
 * and bodies that are not JSON at all (multipart, other content types). Seeded: the same seed gives the same
 * requests, so a failure can be replayed.
 */
final class Mutations {

    /** One mutated request: what was done to it, its content type (null for none) and its body. */
    record Mutant(String kind, String contentType, byte[] body) {}

    private static final String JSON_TYPE = "application/json";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern OBJECT_KEY = Pattern.compile("\\{\"([^\"\\\\]{1,40})\":");
    private static final List<String> HUGE_NUMBERS = List.of("1e400", "-1e400", "1e-400", "9223372036854775808",
            "-9223372036854775809", "123456789012345678901234567890123456789", "1e300", "0.0000000000000000000001",
            "2147483648", "-0", "1E+2147483647");
    private static final List<String> ODD_STRINGS = List.of("\u0000", "a\u0000b", "\uFFFF", "\uD800", "../../etc/shadow",
            "/etc/shadow", "file:///etc/passwd", "hdfs://elsewhere:8020/x", "http://169.254.169.254/", "{samples}",
            "%00", "\u202E", "' OR 1=1 --", "<script>alert(1)</script>", "", " ", "NaN", "-Infinity");
    private static final List<String> NOT_JSON_TYPES = List.of("multipart/form-data; boundary=fuzz", "text/plain",
            "application/xml", "application/x-www-form-urlencoded", "application/json; charset=UTF-16",
            "application/octet-stream");

    private final Random random;
    private final List<BiFunction<Random, String, Mutant>> mutations = List.of(
            tree("nul", (r, value) -> NODES.stringNode(r.nextBoolean() ? "\u0000" : "x\u0000" + value.asString(""))),
            text("huge-number", Mutations::hugeNumber),
            tree("wrong-type", Mutations::otherType),
            tree("odd-string", (r, value) -> NODES.stringNode(ODD_STRINGS.get(r.nextInt(ODD_STRINGS.size())))),
            tree("long-string", (r, value) -> NODES.stringNode("x".repeat(1 << (10 + r.nextInt(10))))),
            text("deep-nesting", Mutations::deepNesting),
            treeEdit("remove-key", Mutations::removeKey),
            treeEdit("unknown-key", (r, root) -> randomObject(r, root).put("fuzz" + r.nextInt(100), r.nextInt())),
            text("duplicate-key", Mutations::duplicateKey),
            text("truncated", (r, json) -> json.substring(0, r.nextInt(Math.max(1, json.length())))),
            text("garbage", Mutations::garbage),
            treeEdit("many-items", Mutations::manyItems),
            text("not-a-document", (r, json) -> List.of("", "null", "[]", "{}", "0", "\"x\"", "true", "[{}]", "{\"\":{}}")
                    .get(r.nextInt(9))),
            (r, json) -> new Mutant("content-type", NOT_JSON_TYPES.get(r.nextInt(NOT_JSON_TYPES.size())),
                    r.nextBoolean() ? json.getBytes(StandardCharsets.UTF_8) : multipart(json)),
            (r, json) -> new Mutant("no-content-type", null, json.getBytes(StandardCharsets.UTF_8)),
            Mutations::corruptBytes);

    /** An odd value for a query parameter or a path segment: a strange string, a huge number or a small integer. */
    static String oddValue(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()));
            case 1 -> Integer.toString(random.nextInt(2_000) - 1_000);
            case 2 -> "x".repeat(1 << random.nextInt(14));
            default -> ODD_STRINGS.get(random.nextInt(ODD_STRINGS.size()));
        };
    }

    Mutations(long seed) {
        this.random = new Random(seed);
    }

    /** One to three mutations of {@code json}; the kind names them all. */
    Mutant mutate(String json) {
        int count = 1 + random.nextInt(3);
        Mutant mutant = new Mutant("", JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mutant next = mutations.get(random.nextInt(mutations.size())).apply(random,
                    new String(mutant.body(), StandardCharsets.UTF_8));
            kinds.add(next.kind());
            mutant = new Mutant(String.join("+", kinds), JSON_TYPE.equals(mutant.contentType()) ? next.contentType()
                    : mutant.contentType(), next.body());
            if (!JSON_TYPE.equals(mutant.contentType()) || mutant.body().length > 4 << 20) {
                break; // no point in mutating further what is refused as a whole
            }
        }
        return mutant;
    }

    /** Replaces a random value of the document (when it parses) by what {@code replacement} makes of it. */
    private static BiFunction<Random, String, Mutant> tree(String kind,
            BiFunction<Random, JsonNode, JsonNode> replacement) {
        return treeEdit(kind, (r, root) -> replaceRandomValue(r, root, replacement));
    }

    private static BiFunction<Random, String, Mutant> treeEdit(String kind, Edit edit) {
        return (r, json) -> {
            JsonNode root;
            try {
                root = Api.JSON.readTree(json);
            } catch (RuntimeException notJsonAnyMore) {
                return jsonMutant(kind, json);
            }
            if (root == null || !root.isContainer()) {
                return jsonMutant(kind, json);
            }
            edit.apply(r, root);
            return jsonMutant(kind, Api.JSON.writeValueAsString(root));
        };
    }

    private static BiFunction<Random, String, Mutant> text(String kind, BiFunction<Random, String, String> change) {
        return (r, json) -> jsonMutant(kind, change.apply(r, json));
    }

    private static Mutant jsonMutant(String kind, String json) {
        return new Mutant(kind, JSON_TYPE, json.getBytes(StandardCharsets.UTF_8));
    }

    @FunctionalInterface
    private interface Edit {
        void apply(Random random, JsonNode root);
    }

    private static void replaceRandomValue(Random random, JsonNode root, BiFunction<Random, JsonNode, JsonNode> by) {
        JsonNode container = randomContainer(random, root);
        if (container instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>(object.propertyNames());
            String name = names.get(random.nextInt(names.size()));
            object.set(name, by.apply(random, object.get(name)));
        } else if (container instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            array.set(index, by.apply(random, array.get(index)));
        }
    }

    /** A container anywhere in the tree, deeper ones as likely as shallow ones. */
    private static JsonNode randomContainer(Random random, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        return containers.get(random.nextInt(containers.size()));
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainer()) {
            into.add(node);
            for (JsonNode child : node) {
                collectContainers(child, into);
            }
        }
    }

    private static ObjectNode randomObject(Random random, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        List<JsonNode> objects = containers.stream().filter(JsonNode::isObject).toList();
        return objects.isEmpty() ? (ObjectNode) NODES.objectNode() : (ObjectNode) objects.get(random.nextInt(
                objects.size()));
    }

    private static void removeKey(Random random, JsonNode root) {
        ObjectNode object = randomObject(random, root);
        Iterator<String> names = object.propertyNames().iterator();
        int skip = object.isEmpty() ? 0 : random.nextInt(object.size());
        for (int i = 0; names.hasNext(); i++) {
            String name = names.next();
            if (i == skip) {
                object.remove(name);
                return;
            }
        }
    }

    private static void manyItems(Random random, JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        List<JsonNode> arrays = containers.stream().filter(JsonNode::isArray).filter(a -> !a.isEmpty()).toList();
        if (arrays.isEmpty()) {
            return;
        }
        ArrayNode array = (ArrayNode) arrays.get(random.nextInt(arrays.size()));
        JsonNode first = array.get(0);
        // up to about 24 MB: past every body limit, yet never more than a client can build
        int size = Api.JSON.writeValueAsString(first).length();
        int copies = Math.min(List.of(0, 2_500, 12_000).get(random.nextInt(3)), 24_000_000 / Math.max(1, size));
        array.removeAll();
        for (int i = 0; i < copies; i++) {
            array.add(first.deepCopy());
        }
    }

    private static JsonNode otherType(Random random, JsonNode value) {
        List<JsonNode> others = new ArrayList<>(List.of(NODES.stringNode("text"), NODES.numberNode(42),
                NODES.numberNode(-1.5), NODES.booleanNode(true), NODES.nullNode(), NODES.arrayNode(),
                NODES.objectNode(), NODES.arrayNode().add(1).add("a"), NODES.objectNode().put("x", 1)));
        others.removeIf(other -> other.getNodeType() == value.getNodeType());
        return others.get(random.nextInt(others.size()));
    }

    /** A number literal no Java type holds exactly, in place of a random scalar value of the text. */
    private static String hugeNumber(Random random, String json) {
        Matcher values = Pattern.compile(":\\s*(\"[^\"\\\\]*\"|-?[0-9][0-9.eE+-]*|true|false|null)").matcher(json);
        List<int[]> spans = new ArrayList<>();
        while (values.find()) {
            spans.add(new int[] {values.start(1), values.end(1)});
        }
        if (spans.isEmpty()) {
            return json;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return json.substring(0, span[0]) + HUGE_NUMBERS.get(random.nextInt(HUGE_NUMBERS.size()))
                + json.substring(span[1]);
    }

    /** A random value of the text replaced by arrays or objects nested 50 to 50,000 deep. */
    private static String deepNesting(Random random, String json) {
        int depth = List.of(50, 1_000, 2_000, 50_000).get(random.nextInt(4));
        boolean arrays = random.nextBoolean();
        String deep = (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
        int colon = json.indexOf(':', random.nextInt(Math.max(1, json.length())));
        if (colon < 0) {
            return deep;
        }
        int end = colon + 1;
        while (end < json.length() && ",}]".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(0, colon + 1) + deep + json.substring(end);
    }

    /** A key of some object written twice: {"id": 0, "id": "data", ...}. */
    private static String duplicateKey(Random random, String json) {
        Matcher keys = OBJECT_KEY.matcher(json);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (keys.find()) {
            starts.add(keys.start());
            names.add(keys.group(1));
        }
        if (starts.isEmpty()) {
            return json;
        }
        int which = random.nextInt(starts.size());
        int at = starts.get(which) + 1;
        return json.substring(0, at) + "\"" + names.get(which) + "\":0," + json.substring(at);
    }

    private static String garbage(Random random, String json) {
        String alphabet = "{}[]\",:\\0123456789abcdefeE+-. \t\n\u0000\u00e9\u4e2d";
        StringBuilder text = new StringBuilder(json);
        int count = 1 + random.nextInt(5);
        for (int i = 0; i < count; i++) {
            int at = random.nextInt(text.length() + 1);
            text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Random bytes in place of a few of the body's bytes: often not UTF-8 any more. */
    private static Mutant corruptBytes(Random random, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        if (body.length > 0) {
            int count = 1 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                body[random.nextInt(body.length)] = (byte) random.nextInt(256);
            }
        }
        return new Mutant("corrupt-bytes", JSON_TYPE, body);
    }

    private static byte[] multipart(String json) {
        return ("--fuzz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + json + "\r\n--fuzz--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
