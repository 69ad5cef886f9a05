package io.easel.server.deployment.compiled;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jpmml.evaluator.Evaluator;
import org.jpmml.evaluator.FieldValue;
import org.jpmml.evaluator.InputField;

/**
 * Records per CPU-second of the interpreter and of the compiled scorer on the same model and rows, in one JVM, in
 * alternating rounds (not a test; see docs/benchmarks.md). Two figures each: scoring prepared records (what
 * compilation replaces), and preparing then scoring raw records (what a scoring request costs besides HTTP and
 * JSON). CPU time is the measuring thread's own ({@link ThreadMXBean}).
 *
 * <pre>java -cp … io.easel.server.deployment.compiled.CompiledScoringBenchmark [model] [dataset] [seconds] [rounds]
 * </pre>
 * The default model is {@code compiled/breast-cancer-gbdt} (100 trees) on {@code breast_cancer}.
 */
public final class CompiledScoringBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CompiledScoringBenchmark() {}

    public static void main(String[] args) throws Exception {
        ScoringFixture fixture = new ScoringFixture(args.length > 0 ? args[0] : "compiled/breast-cancer-gbdt",
                args.length > 1 ? args[1] : "breast_cancer");
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 5;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        long loading = System.nanoTime();
        Evaluator evaluator = fixture.evaluator();
        long choosing = System.nanoTime();
        CompiledScoring.scorerFor(evaluator, fixture.model());
        System.out.printf("loading the PMML took %.0f ms, compiling and verifying it %.0f ms (cold JVM)%n",
                (choosing - loading) / 1e6, (System.nanoTime() - choosing) / 1e6);
        RecordScorer interpreter = new InterpretedScorer(evaluator);
        RecordScorer compiled = CompiledScoring.withFallback(CompiledScorer.compile(evaluator), interpreter);
        List<Map<String, Object>> rows = fixture.rows(evaluator);
        List<Map<String, FieldValue>> prepared = rows.stream()
                .map(row -> ScoringFixture.prepared(evaluator, row).orElseThrow()).toList();
        Map<String, RecordScorer> scorers = new LinkedHashMap<>();
        scorers.put("interpreter", interpreter);
        scorers.put("compiled", compiled);

        System.out.printf("%s: %d rows, %.0f s per measurement, %d rounds%n", fixture, rows.size(), seconds, rounds);
        for (RecordScorer scorer : scorers.values()) {
            scorePrepared(scorer, prepared, seconds);
            prepareAndScore(scorer, evaluator, rows, seconds);
        }
        long warm = System.nanoTime();
        CompiledScoring.scorerFor(evaluator, fixture.model());
        System.out.printf("compiling and verifying again, warm: %.0f ms%n", (System.nanoTime() - warm) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            for (Map.Entry<String, RecordScorer> scorer : scorers.entrySet()) {
                System.out.printf("round %d %-12s prepared: %,10.0f rec/CPU-s   prepare+score: %,10.0f rec/CPU-s%n",
                        round, scorer.getKey(), scorePrepared(scorer.getValue(), prepared, seconds),
                        prepareAndScore(scorer.getValue(), evaluator, rows, seconds));
            }
        }
    }

    private static double scorePrepared(RecordScorer scorer, List<Map<String, FieldValue>> records, double seconds) {
        return recordsPerCpuSecond(records, scorer::score, seconds);
    }

    private static double prepareAndScore(RecordScorer scorer, Evaluator evaluator, List<Map<String, Object>> rows,
            double seconds) {
        List<InputField> inputs = evaluator.getInputFields();
        return recordsPerCpuSecond(rows, row -> {
            Map<String, FieldValue> arguments = new LinkedHashMap<>();
            for (InputField input : inputs) {
                arguments.put(input.getName(), input.prepare(row.get(input.getName())));
            }
            return scorer.score(arguments);
        }, seconds);
    }

    /** Scores all records again and again for {@code seconds} of this thread's CPU time. */
    private static <T> double recordsPerCpuSecond(List<T> records, Function<T, Object> score, double seconds) {
        long start = THREADS.getCurrentThreadCpuTime();
        long deadline = start + (long) (seconds * 1e9);
        long scored = 0;
        Object last = null;
        while (THREADS.getCurrentThreadCpuTime() < deadline) {
            for (T record : records) {
                last = score.apply(record);
            }
            scored += records.size();
        }
        if (last == null) {
            throw new IllegalStateException("nothing was scored");
        }
        return scored / ((THREADS.getCurrentThreadCpuTime() - start) / 1e9);
    }
}
