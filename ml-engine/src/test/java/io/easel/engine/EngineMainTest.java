package io.easel.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EngineMainTest {

    @Test
    void shouldExitWithTheUsageCodeBeforeStartingSparkWhenTheCommandLineIsWrong() {
        assertThat(EngineMain.launch(new String[] {"--run-id", "r1"})).isEqualTo(EngineMain.USAGE);
        assertThat(EngineMain.launch(new String[] {"--experiment", "e.json", "--run-id", "r1", "--workspace", "ws",
                "--model-store", "m", "--callback-url", "ftp://server/cb", "--callback-token", "t"}))
                .isEqualTo(EngineMain.USAGE);
    }
}
