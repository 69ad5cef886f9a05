package io.easel.engine.testing;

import io.easel.components.ComponentRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The built-in components plus the misbehaving test components, loaded the way the engine loads components. */
public final class TestComponents {

    private TestComponents() {}

    public static ComponentRegistry withBuiltins(Path scratch) {
        try {
            Path index = scratch.resolve(ComponentRegistry.INDEX);
            Files.createDirectories(index.getParent());
            Files.writeString(index, String.join("\n", MisdeclaredSource.class.getName(),
                    SilentSource.class.getName(), UnexportableModel.class.getName(),
                    UnseededSample.class.getName(), FailingStep.class.getName()) + "\n");
            // A child loader adds this index to the built-in one; the classes come from the test class path.
            URLClassLoader loader = new URLClassLoader(new URL[] {scratch.toUri().toURL()},
                    TestComponents.class.getClassLoader());
            return ComponentRegistry.load(loader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
