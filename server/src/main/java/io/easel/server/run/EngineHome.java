package io.easel.server.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Where the built engine lies: {@code easel.engine.home}, or {@code ml-engine/target/engine} near the server. */
final class EngineHome {

    private static final List<Path> DEFAULT_HOMES = List.of(
            Path.of("ml-engine", "target", "engine"), Path.of("..", "ml-engine", "target", "engine"));

    private EngineHome() {}

    /** The configured home, or the first default holding {@code jar}; fails naming every place it looked. */
    static Path locate(EngineProperties settings, String jar) throws IOException {
        if (settings.home() != null) {
            Path home = settings.home().toAbsolutePath().normalize();
            if (!Files.isRegularFile(home.resolve(jar))) {
                throw new IOException("easel.engine.home=" + home + " has no " + jar
                        + " (build the engine with `mvn package` in ml-engine)");
            }
            return home;
        }
        Optional<Path> found = DEFAULT_HOMES.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .filter(p -> Files.isRegularFile(p.resolve(jar)))
                .findFirst();
        return found.orElseThrow(() -> new IOException("The engine was not found: none of "
                + DEFAULT_HOMES.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList()
                + " holds " + jar + "; build it (`mvn package` in ml-engine) or set easel.engine.home"));
    }
}
