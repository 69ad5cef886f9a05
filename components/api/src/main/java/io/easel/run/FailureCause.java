package io.easel.run;

import io.easel.component.Text;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cause of a failed node in plain words, read from the raw message the engine reported: Spark's error classes
 * ({@code [UNRESOLVED_COLUMN.WITH_SUGGESTION] … SQLSTATE: 42703}) and the JVM's common failures become a sentence that
 * says what is wrong and what to do, in both languages. A message no rule knows (a component's own, already plain)
 * has no explanation: it is its own cause. The raw message stays the detail, shown folded below.
 *
 * <p>It reads the message rather than the exception because the message is what runs keep (also runs before this
 * existed, and runs on an engine of another version), and because a wrapped task failure carries its cause only as
 * text ("Job aborted due to stage failure: … SparkArithmeticException: [DIVIDE_BY_ZERO] …").
 */
public final class FailureCause {

    /** A SQL identifier as Spark quotes it, qualified or not: {@code `t1`.`age`}. */
    private static final String NAME = "((?:`(?:[^`]|``)+`)(?:\\.`(?:[^`]|``)+`)*)";

    private record Rule(Pattern pattern, Function<Matcher, Text> explain) {}

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("\\[UNRESOLVED_COLUMN\\.WITH_SUGGESTION][^`]*" + NAME
                    + ".*?Did you mean one of the following\\? \\[" + NAME), m -> Text.of(
                    "Column '" + name(m.group(1)) + "' does not exist. Did you mean '" + column(m.group(2)) + "'?",
                    "列 '" + name(m.group(1)) + "' 不存在。是否想用 '" + column(m.group(2)) + "'？")),
            new Rule(Pattern.compile("\\[(?:UNRESOLVED_COLUMN|FIELD_NOT_FOUND)[A-Z_.]*][^`]*" + NAME), m -> Text.of(
                    "Column '" + name(m.group(1)) + "' does not exist in the node's input.",
                    "输入中不存在列 '" + name(m.group(1)) + "'。")),
            new Rule(Pattern.compile("\\[AMBIGUOUS_REFERENCE][^`]*" + NAME), m -> Text.of(
                    "Column '" + name(m.group(1)) + "' is ambiguous: more than one input has it. Rename one of them.",
                    "列 '" + name(m.group(1)) + "' 有歧义：多个输入都有此列。请先重命名其中之一。")),
            new Rule(Pattern.compile("\\[(?:TABLE_OR_VIEW_NOT_FOUND)][^`]*" + NAME), m -> Text.of(
                    "Table '" + name(m.group(1)) + "' does not exist.",
                    "表 '" + name(m.group(1)) + "' 不存在。")),
            new Rule(Pattern.compile("\\[UNRESOLVED_ROUTINE][^`]*" + NAME), m -> Text.of(
                    "Function '" + name(m.group(1)) + "' does not exist.",
                    "函数 '" + name(m.group(1)) + "' 不存在。")),
            new Rule(Pattern.compile("\\[CAST_INVALID_INPUT] The value (.+?) of the type \"([^\"]+)\" cannot be cast to "
                    + "\"([^\"]+)\""), m -> Text.of(
                    "The value " + m.group(1) + " cannot be converted from " + m.group(2) + " to " + m.group(3)
                            + ". Clean the column or convert it so that bad values become empty.",
                    "值 " + m.group(1) + " 无法从 " + m.group(2) + " 转换为 " + m.group(3) + "。请先清洗该列，或转换时将无效值置空。")),
            new Rule(Pattern.compile("\\[DATATYPE_MISMATCH[A-Z_.]*] Cannot resolve (\"[^\"]*\") due to data type "
                    + "mismatch: (.+?)\\.?\\s*(?:SQLSTATE|;|$)"), m -> Text.of(
                    "The types in " + m.group(1) + " do not fit together: " + m.group(2)
                            + ". Convert the column to the right type first.",
                    m.group(1) + " 中的类型不匹配：" + m.group(2) + "。请先将列转换为合适的类型。")),
            new Rule(Pattern.compile("\\[DIVIDE_BY_ZERO]|\\[INTERVAL_DIVIDED_BY_ZERO]|ArithmeticException: / by zero"),
                    m -> Text.of("Division by zero: a divisor is 0 in some row. Guard the division (try_divide, or "
                            + "NULLIF(divisor, 0)).",
                            "除数为零：某些行的除数为 0。请保护除法（使用 try_divide 或 NULLIF(除数, 0)）。")),
            new Rule(Pattern.compile("\\[(?:ARITHMETIC_OVERFLOW|NUMERIC_VALUE_OUT_OF_RANGE)[A-Z_.]*]"), m -> Text.of(
                    "A number is too large for its type. Use a wider type (bigint, double or decimal).",
                    "数值超出其类型的范围。请使用更宽的类型（bigint、double 或 decimal）。")),
            new Rule(Pattern.compile("\\[PATH_NOT_FOUND] Path does not exist: (\\S+?)\\.?(?:\\s|$)"), m -> Text.of(
                    "The file or folder " + m.group(1) + " does not exist.",
                    "文件或目录 " + m.group(1) + " 不存在。")),
            new Rule(Pattern.compile("FileNotFoundException: (\\S+)"), m -> Text.of(
                    "The file " + m.group(1) + " does not exist or cannot be read.",
                    "文件 " + m.group(1) + " 不存在或无法读取。")),
            new Rule(Pattern.compile("\\[PARSE_SYNTAX_ERROR] Syntax error at or near (\\S+?)\\.?(?:\\s|$)"), m -> Text.of(
                    "The SQL has a syntax error near " + m.group(1) + ".",
                    "SQL 在 " + m.group(1) + " 附近有语法错误。")),
            new Rule(Pattern.compile("OutOfMemoryError|SparkOutOfMemoryError|\\[UNABLE_TO_ACQUIRE_MEMORY]"
                    + "|GC overhead limit exceeded|Java heap space|exceeding memory limits"), m -> Text.of(
                    "Spark ran out of memory. Give the driver or the executors more memory in the run settings, or "
                            + "work on less data (sample or filter first).",
                    "Spark 内存不足。请在运行设置中为 driver 或 executor 分配更多内存，或减少数据量（先采样或过滤）。")),
            new Rule(Pattern.compile("ExecutorLostFailure|Executor heartbeat timed out|Lost executor"), m -> Text.of(
                    "A Spark executor was lost while the node ran (it crashed, often for lack of memory, or its "
                            + "machine went away).",
                    "节点运行期间丢失了一个 Spark executor（它崩溃了，通常因内存不足，或所在机器已不可用）。")),
            new Rule(Pattern.compile("\\[(?:INCOMPATIBLE_DATA_FOR_TABLE|NOT_NULL_CONSTRAINT_VIOLATION)[A-Z_.]*]"),
                    m -> Text.of("The data does not fit the target's columns (types or missing values).",
                            "数据与目标的列不匹配（类型或缺失值）。")));

    private FailureCause() {}

    /** The plain-words cause of a failure with this raw message; empty when no rule knows it (or no message). */
    public static Optional<Text> explain(String message) {
        if (message == null || message.isBlank()) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            Matcher matcher = rule.pattern().matcher(message);
            if (matcher.find()) {
                return Optional.of(rule.explain().apply(matcher));
            }
        }
        return Optional.empty();
    }

    /** A back-quoted SQL name as the user wrote it: {@code `a`.`b`} → {@code a.b}, doubled quotes undone. */
    private static String name(String quoted) {
        return String.join(".", parts(quoted));
    }

    /** The column of a qualified name Spark suggests ({@code `t1`.`age`} → {@code age}): what the user types. */
    private static String column(String quoted) {
        List<String> parts = parts(quoted);
        return parts.getLast();
    }

    private static List<String> parts(String quoted) {
        String inner = quoted.substring(1, quoted.length() - 1);
        return java.util.Arrays.stream(inner.split("`\\.`")).map(part -> part.replace("``", "`")).toList();
    }
}
