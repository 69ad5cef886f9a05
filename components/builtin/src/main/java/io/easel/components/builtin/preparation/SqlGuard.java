package io.easel.components.builtin.preparation;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.catalyst.analysis.ExecuteImmediateQuery;
import org.apache.spark.sql.catalyst.analysis.UnresolvedFunction;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.SubqueryExpression;
import org.apache.spark.sql.catalyst.plans.logical.Command;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoDir;
import org.apache.spark.sql.catalyst.plans.logical.InsertIntoStatement;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.plans.logical.ParsedStatement;
import org.apache.spark.sql.catalyst.plans.logical.ScriptTransformation;
import scala.jdk.javaapi.CollectionConverters;

/**
 * What SQL a user types may not do, whatever Spark allows: run code or programs on the machine ({@code reflect},
 * {@code java_method}, {@code try_reflect} call any static Java method, {@code TRANSFORM … USING} runs a program),
 * or be anything but a query (commands such as {@code SET}, {@code CREATE}, {@code CACHE}, {@code ADD JAR},
 * {@code INSERT … DIRECTORY} and {@code EXECUTE IMMEDIATE} change the session, load code or write files). Checked on
 * the parsed text, before Spark analyses it: analysing a command runs it.
 */
final class SqlGuard {

    private static final Set<String> CODE_FUNCTIONS = Set.of("reflect", "java_method", "try_reflect");

    private SqlGuard() {}

    /** Why the query may not run, if it may not. */
    static Optional<String> refusal(LogicalPlan query) {
        return walk(query);
    }

    /** Why the expression may not run, if it may not. */
    static Optional<String> refusal(Expression expression) {
        return walk(expression);
    }

    private static Optional<String> walk(Object root) {
        Deque<Object> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Object node = pending.pop();
            if (node instanceof LogicalPlan plan) {
                Optional<String> refused = refusedPlan(plan);
                if (refused.isPresent()) {
                    return refused;
                }
                pending.addAll(list(plan.children()));
                pending.addAll(list(plan.expressions()));
                pending.addAll(list(plan.innerChildren()));
            } else if (node instanceof Expression expression) {
                if (expression instanceof UnresolvedFunction function) {
                    List<String> name = list(function.nameParts());
                    String called = name.getLast().toLowerCase(Locale.ROOT);
                    if (CODE_FUNCTIONS.contains(called)) {
                        return Optional.of(called + "() calls Java code on the machine, which Easel does not allow");
                    }
                }
                if (expression instanceof SubqueryExpression subquery) {
                    pending.push(subquery.plan());
                }
                pending.addAll(list(expression.children()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> refusedPlan(LogicalPlan plan) {
        if (plan instanceof ScriptTransformation) {
            return Optional.of("TRANSFORM … USING runs a program on the machine, which Easel does not allow");
        }
        if (plan instanceof Command || plan instanceof ParsedStatement || plan instanceof InsertIntoStatement
                || plan instanceof InsertIntoDir || plan instanceof ExecuteImmediateQuery) {
            return Optional.of("only a query (SELECT …, WITH …) is allowed here, not a command ("
                    + plan.nodeName() + ")");
        }
        return Optional.empty();
    }

    private static <T> List<T> list(scala.collection.Seq<? extends T> seq) {
        return List.copyOf(CollectionConverters.asJava(seq));
    }
}
