package io.easel.plugin.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.component.ComponentDescriptor;
import io.easel.components.testing.ComponentContract;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract every Easel component passes, over this plugin jar's own components (the built-in ones on the test
 * class path are the built-in module's to check).
 */
class ZScoreContractTest extends ComponentContract {

    @Override
    protected List<ComponentDescriptor> covered() {
        return componentsFromTheJarOf(ZScore.class);
    }

    @Test
    void shouldCoverThisJarsComponentsOnly() {
        assertThat(covered()).extracting(ComponentDescriptor::id).containsExactly("z-score");
    }
}
