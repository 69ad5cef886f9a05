package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Reading Prometheus' text format in tests. */
final class PrometheusSamples {

    private PrometheusSamples() {}

    /** The value of the one sample of {@code metric} with exactly these labels (asserted to be there once). */
    static double sample(String exposition, String metric, String labels) {
        String prefix = metric + "{" + labels + "} ";
        List<String> lines = exposition.lines().filter(line -> line.startsWith(prefix)).toList();
        assertThat(lines).as(prefix).hasSize(1);
        return Double.parseDouble(lines.getFirst().substring(prefix.length()).split(" ")[0]);
    }
}
