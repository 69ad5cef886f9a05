package io.easel.engine.run;

import java.util.Arrays;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;

/**
 * Where a user's browser finds the Spark UI of the running driver, for the run-started event. On YARN that is the
 * ResourceManager's proxy ({@code http://rm:8088/proxy/<application id>}): the driver's own address is usually not
 * reachable from outside the cluster, and YARN's filter redirects there anyway. Elsewhere it is the driver's UI
 * ({@link SparkContext#uiWebUrl()}); none when {@code spark.ui.enabled=false}.
 */
public final class SparkUiAddress {

    /**
     * Set by Spark's YARN ApplicationMaster when it installs YARN's AmIpFilter: at start in cluster mode, shortly
     * after the application is accepted in client mode. Several values (ResourceManager HA) are comma-separated.
     */
    static final String YARN_PROXY_URI_BASES =
            "spark.org.apache.hadoop.yarn.server.webproxy.amfilter.AmIpFilter.param.PROXY_URI_BASES";

    private SparkUiAddress() {}

    /** The address for this driver's UI, or null. */
    public static String of(SparkContext spark) {
        return of(spark.getConf(), spark.hadoopConfiguration(), spark.applicationId(),
                spark.uiWebUrl().isDefined() ? spark.uiWebUrl().get() : null);
    }

    static String of(SparkConf spark, Configuration hadoop, String applicationId, String driverUi) {
        if (!spark.getBoolean("spark.ui.enabled", true) || driverUi == null) {
            return null;
        }
        Optional<String> filtered = Arrays.stream(spark.get(YARN_PROXY_URI_BASES, "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).findFirst();
        if (filtered.isPresent()) {
            return filtered.get();
        }
        if (spark.get("spark.master", "").startsWith("yarn")) {
            return yarnProxy(hadoop, applicationId).orElse(driverUi);
        }
        return driverUi;
    }

    /** The proxy address from the YARN configuration the driver was given (client mode, before the filter). */
    private static Optional<String> yarnProxy(Configuration hadoop, String applicationId) {
        boolean https = "HTTPS_ONLY".equalsIgnoreCase(hadoop.get("yarn.http.policy", "HTTP_ONLY"));
        String proxy = hadoop.get("yarn.web-proxy.address");
        String address = usable(proxy) ? proxy : hadoop.get(https ? "yarn.resourcemanager.webapp.https.address"
                : "yarn.resourcemanager.webapp.address");
        if (!usable(address)) {
            return Optional.empty();
        }
        return Optional.of((https ? "https://" : "http://") + address + "/proxy/" + applicationId);
    }

    /** Set, and not the wildcard a default configuration binds to. */
    private static boolean usable(String address) {
        return address != null && !address.isBlank() && !address.startsWith("0.0.0.0");
    }
}
