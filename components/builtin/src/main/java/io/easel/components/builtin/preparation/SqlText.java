package io.easel.components.builtin.preparation;

import io.easel.component.Param;
import java.util.function.Supplier;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;

/**
 * Spark SQL text a user typed into a param: parsed before it runs, so that a typo is a message naming the param,
 * never a stack trace, and so that what it may not do ({@link SqlGuard}) is refused before Spark sees it.
 */
final class SqlText {

    private SqlText() {}

    /** Parses {@code text} as one expression; the message names {@code param} and Spark's reason. */
    static void checkExpression(SparkSession spark, Param<String> param, String text) {
        Expression parsed;
        try {
            parsed = spark.sessionState().sqlParser().parseExpression(text);
        } catch (Exception e) {
            throw refusedIfSql(param, text, e);
        }
        SqlGuard.refusal(parsed).ifPresent(why -> {
            throw new IllegalArgumentException("Param '" + param.name() + "': " + why + ".");
        });
    }

    /** Parses {@code text} as one query. */
    static void checkQuery(SparkSession spark, Param<String> param, String text) {
        LogicalPlan parsed;
        try {
            parsed = spark.sessionState().sqlParser().parsePlan(text);
        } catch (Exception e) {
            throw refusedIfSql(param, text, e);
        }
        SqlGuard.refusal(parsed).ifPresent(why -> {
            throw new IllegalArgumentException("Param '" + param.name() + "': " + why + ".");
        });
    }

    /**
     * Runs {@code analysed}, Spark's analysis of the text (columns and functions resolved), turning a failure into a
     * message naming {@code param}: an unknown column or function is found here, before any row is read.
     */
    static <T> T analysed(Param<String> param, String text, Supplier<T> analysed) {
        try {
            return analysed.get();
        } catch (Exception e) {
            throw refusedIfSql(param, text, e);
        }
    }

    // Spark's parse and analysis exceptions are checked in Java's eyes but thrown undeclared from Scala.
    private static RuntimeException refusedIfSql(Param<String> param, String text, Exception e) {
        if (e instanceof AnalysisException || e instanceof ParseException) {
            return refused(param, text, e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e);
    }

    private static IllegalArgumentException refused(Param<String> param, String text, Exception e) {
        String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        return new IllegalArgumentException("Param '" + param.name() + "': '" + text.strip()
                + "' is not valid Spark SQL here: " + reason);
    }
}
