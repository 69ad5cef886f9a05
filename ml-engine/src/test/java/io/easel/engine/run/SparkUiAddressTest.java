package io.easel.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

class SparkUiAddressTest {

    private static final String APP = "application_1700000000000_0042";
    private static final String DRIVER_UI = "http://10.1.2.3:4040";

    @Test
    void shouldGiveTheDriversOwnUiOutsideYarn() {
        SparkConf spark = new SparkConf(false).set("spark.master", "spark://master:7077");

        assertThat(SparkUiAddress.of(spark, new Configuration(false), "app-1", DRIVER_UI)).isEqualTo(DRIVER_UI);
    }

    @Test
    void shouldGiveNoneWhenTheUiIsDisabled() {
        SparkConf spark = new SparkConf(false).set("spark.master", "local[2]").set("spark.ui.enabled", "false");

        assertThat(SparkUiAddress.of(spark, new Configuration(false), "local-1", null)).isNull();
        assertThat(SparkUiAddress.of(spark, new Configuration(false), "local-1", DRIVER_UI)).isNull();
    }

    @Test
    void shouldPreferTheProxyYarnsFilterWasGiven() {
        SparkConf spark = new SparkConf(false).set("spark.master", "yarn")
                .set(SparkUiAddress.YARN_PROXY_URI_BASES,
                        "http://rm1:8088/proxy/" + APP + ",http://rm2:8088/proxy/" + APP);

        assertThat(SparkUiAddress.of(spark, new Configuration(false), APP, DRIVER_UI))
                .isEqualTo("http://rm1:8088/proxy/" + APP);
    }

    @Test
    void shouldBuildTheProxyFromTheYarnConfigurationBeforeTheFilterArrives() {
        SparkConf spark = new SparkConf(false).set("spark.master", "yarn");
        Configuration yarn = new Configuration(false);
        yarn.set("yarn.resourcemanager.webapp.address", "rm.example.org:8088");

        assertThat(SparkUiAddress.of(spark, yarn, APP, DRIVER_UI))
                .isEqualTo("http://rm.example.org:8088/proxy/" + APP);
        yarn.set("yarn.web-proxy.address", "proxy.example.org:9046");
        assertThat(SparkUiAddress.of(spark, yarn, APP, DRIVER_UI))
                .isEqualTo("http://proxy.example.org:9046/proxy/" + APP);
    }

    @Test
    void shouldFallBackToTheDriversUiWhenYarnsAddressIsUnknown() {
        SparkConf spark = new SparkConf(false).set("spark.master", "yarn");
        Configuration yarn = new Configuration(false);
        yarn.set("yarn.resourcemanager.webapp.address", "0.0.0.0:8088");

        assertThat(SparkUiAddress.of(spark, yarn, APP, DRIVER_UI)).isEqualTo(DRIVER_UI);
    }
}
