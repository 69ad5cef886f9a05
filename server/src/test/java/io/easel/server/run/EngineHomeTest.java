package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "wrong working directory" bug: {@code java -jar path/to/easel.jar} from elsewhere still finds the engine. */
class EngineHomeTest {

    private static final EngineProperties DEFAULTS = new EngineProperties(null, "local[*]", "client", "2g", null,
            null, null, null, null, null, null, null, null, Duration.ofHours(2), Duration.ofSeconds(5), 2, null, null);

    private static Path engineAt(Path home) throws IOException {
        Files.createDirectories(home);
        Files.write(home.resolve(SparkDriverLauncher.ENGINE_JAR), new byte[0]);
        return home;
    }

    @Test
    void shouldFindTheEngineOfTheBuildTheJarCameFromWhateverTheWorkingDirectory(@TempDir Path dir)
            throws IOException {
        Path repository = dir.resolve("checkout");
        Path engine = engineAt(repository.resolve("ml-engine/target/engine"));
        Path jarDirectory = Files.createDirectories(repository.resolve("studio-ui/target"));
        Path elsewhere = Files.createDirectories(dir.resolve("home/alice"));

        assertThat(EngineHome.locate(DEFAULTS, SparkDriverLauncher.ENGINE_JAR, jarDirectory, elsewhere))
                .isEqualTo(engine);
    }

    @Test
    void shouldPreferAnEngineDirectoryBesideTheJar(@TempDir Path dir) throws IOException {
        Path engine = engineAt(dir.resolve("easel/engine"));
        engineAt(dir.resolve("work/ml-engine/target/engine"));

        assertThat(EngineHome.locate(DEFAULTS, SparkDriverLauncher.ENGINE_JAR, dir.resolve("easel"),
                dir.resolve("work"))).isEqualTo(engine);
    }

    @Test
    void shouldNameEveryPlaceItLookedWhenThereIsNoEngine(@TempDir Path dir) {
        assertThatThrownBy(() -> EngineHome.locate(DEFAULTS, SparkDriverLauncher.ENGINE_JAR, dir.resolve("jar"),
                dir.resolve("cwd"))).isInstanceOf(IOException.class)
                .hasMessageContaining(dir.resolve("jar/engine").toString())
                .hasMessageContaining(dir.resolve("cwd/ml-engine/target/engine").toString())
                .hasMessageContaining("easel.engine.home");
    }
}
