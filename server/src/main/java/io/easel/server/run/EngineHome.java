package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.system.ApplicationHome;

/**
 * Where the built engine lies: {@code easel.engine.home}, else beside the server's own jar (its {@code engine}
 * directory, or {@code ml-engine/target/engine} of the build the jar came from), else near the working directory.
 * Looking from the jar first means {@code java -jar path/to/easel.jar} finds the engine from any working directory.
 */
final class EngineHome {

    /** Below the directory of the application's jar: a distribution's layout, then the build's. */
    private static final List<Path> BESIDE_THE_JAR = List.of(Path.of("engine"),
            Path.of("..", "..", "ml-engine", "target", "engine"), Path.of("..", "ml-engine", "target", "engine"));

    /** Below the working directory, for a server started from the repository (as the tests do). */
    private static final List<Path> BELOW_THE_WORKING_DIRECTORY = List.of(
            Path.of("ml-engine", "target", "engine"), Path.of("..", "ml-engine", "target", "engine"));

    private EngineHome() {}

    /** The configured home, or the first default holding {@code jar}; fails naming every place it looked. */
    static Path locate(EngineProperties settings, String jar) throws IOException {
        return locate(settings, jar, new ApplicationHome(EngineHome.class).getDir().toPath(),
                Path.of("").toAbsolutePath());
    }

    /**
     * @param applicationDirectory the directory of the jar the server runs from (its classes directory in a build)
     * @param workingDirectory where the server was started
     */
    static Path locate(EngineProperties settings, String jar, Path applicationDirectory, Path workingDirectory)
            throws IOException {
        if (settings.home() != null) {
            Path home = settings.home().toAbsolutePath().normalize();
            if (!Files.isRegularFile(home.resolve(jar))) {
                throw new IOException("easel.engine.home=" + home + " has no " + jar
                        + " (build the engine with `mvn package` in ml-engine)");
            }
            return home;
        }
        List<Path> candidates = Stream.concat(
                        BESIDE_THE_JAR.stream().map(applicationDirectory::resolve),
                        BELOW_THE_WORKING_DIRECTORY.stream().map(workingDirectory::resolve))
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        Optional<Path> found = candidates.stream().filter(p -> Files.isRegularFile(p.resolve(jar))).findFirst();
        return found.orElseThrow(() -> new IOException("The engine was not found: none of "
                + candidates.stream().map(Path::toString).toList() + " holds " + jar
                + "; build it (`mvn package` in ml-engine) or set easel.engine.home"));
    }
}
