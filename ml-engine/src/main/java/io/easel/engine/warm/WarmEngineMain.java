package io.easel.engine.warm;

import io.easel.components.ComponentRegistry;
import io.easel.engine.EngineMain;
import io.easel.engine.report.CallbackSender;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/**
 * The warm engine's driver, started the way spark-submit starts one (see {@code WarmEngineProtocol}): it builds its
 * SparkSession once, then runs what the server sends until the server closes its input. Exits 0 after the last run
 * under way has ended.
 */
public final class WarmEngineMain {

    private WarmEngineMain() {}

    public static void main(String[] args) throws Exception {
        // Standard output carries notices only: anything else printed there goes to the log (standard error).
        PrintStream notices = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        SparkSession spark = EngineMain.session("Easel warm engine")
                // Runs side by side share the executors fairly rather than first come, first served.
                .config("spark.scheduler.mode", "FAIR")
                .getOrCreate();
        try {
            new WarmEngine(spark, ComponentRegistry.load(), CallbackSender.Settings.defaults(), notices)
                    .serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
        } finally {
            spark.stop();
        }
        System.exit(0);
    }
}
