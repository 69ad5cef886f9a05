package io.easel.engine;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of the test JVM: small, local, no UI, with the defaults of every local driver
 * ({@link DriverDefaults}) where it says nothing itself. Spark stops it at JVM exit.
 */
public final class SharedSpark {

    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkConf conf = new SparkConf(false)
                    .setAppName("easel-ml-engine-tests")
                    .setMaster("local[2]")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "2")
                    .set("spark.driver.host", "127.0.0.1");
            DriverDefaults.missingFrom(conf, conf.get("spark.master")).forEach(conf::set);
            session = SparkSession.builder().config(conf).getOrCreate();
        }
        return session;
    }
}
