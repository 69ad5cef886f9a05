package io.easel.components.builtin.recommendation;

import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.trim;

import io.easel.component.BoundParams;
import io.easel.component.Param;
import io.easel.component.Text;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;

/**
 * Lists of items written as text, as analysts keep baskets and sequences: {@code bread, milk} or
 * {@code home > cart > checkout}. A separator is matched literally with any spaces around it, and a separator of
 * spaces alone splits at every run of spaces; items are trimmed and empty ones dropped. Outputs write lists back
 * with the same separator, spaced to read well, so they can be fed in again.
 */
final class ItemLists {

    private static final String OTHER = "other";
    private static final Map<String, String> SEPARATORS = Map.of("comma", ",", "semicolon", ";", "space", " ",
            "bar", "|", "arrow", ">");

    private ItemLists() {}

    /**
     * A separator a user picks from the usual ones or types: a choice param and, for "other", a text param. A
     * choice rather than text alone, because a separator of spaces would read as a param left blank.
     */
    record Separator(Param<String> choice, Param<String> other) {

        /** @param name the choice param's name; the typed one is named {@code name + "Other"} */
        static Separator declare(String name, Text title, Text description, String byDefault) {
            Param<String> choice = Param.choice(name, title,
                            Param.option("comma", Text.of("Comma (a, b)", "逗号（a, b）")),
                            Param.option("semicolon", Text.of("Semicolon (a; b)", "分号（a; b）")),
                            Param.option("space", Text.of("Spaces or tabs (a b)", "空格或制表符（a b）")),
                            Param.option("bar", Text.of("Vertical bar (a | b)", "竖线（a | b）")),
                            Param.option("arrow", Text.of("Arrow (a > b)", "箭头（a > b）")),
                            Param.option(OTHER, Text.of("Other…", "其他…")))
                    .description(description)
                    .defaultValue(byDefault)
                    .required();
            Param<String> other = Param.string(name + "Other", Text.of(title.en() + " (other)",
                            title.zh() + "（其他）"))
                    .description(Text.of("The separator, matched literally; spaces around it are ignored.",
                            "分隔符，按字面匹配；其两侧的空格会被忽略。"))
                    .visibleWhen(choice, OTHER)
                    .required();
            return new Separator(choice, other);
        }

        /** The separator the params name. */
        String of(BoundParams params) {
            String picked = params.get(choice);
            return OTHER.equals(picked) ? params.get(other) : SEPARATORS.get(picked);
        }
    }

    /** The share of the transactions or sequences a pattern must occur in; {@code description} says what. */
    static Param<Double> minSupport(Text description) {
        return Param.decimal("minSupport", Text.of("Minimum support", "最小支持度"))
                .description(description)
                .defaultValue(0.1)
                .range(0, true, 1, false)
                .required();
    }

    /** The distinct items of a text column as an array of strings; null stays null. */
    static Column distinctItems(Column text, String separator) {
        return array_distinct(items(text, separator));
    }

    /** The items of a text column, in order, as an array of strings; null stays null. */
    static Column items(Column text, String separator) {
        Column parts = split(text, splitPattern(separator));
        return filter(transform(parts, part -> trim(part)), item -> length(item).gt(0));
    }

    /** An array of items as text, sorted, so that the same set always reads the same. */
    static Column sortedText(Column items, String separator) {
        return array_join(array_sort(items), written(separator));
    }

    /** How a separator is written between items of an output: {@code ", "}, {@code " > "}, or one space. */
    static String written(String separator) {
        String bare = separator.strip();
        if (bare.isEmpty()) {
            return " ";
        }
        return bare.equals(",") || bare.equals(";") ? bare + " " : " " + bare + " ";
    }

    private static String splitPattern(String separator) {
        String bare = separator.strip();
        return bare.isEmpty() ? "\\s+" : "\\s*" + Pattern.quote(bare) + "\\s*";
    }
}
