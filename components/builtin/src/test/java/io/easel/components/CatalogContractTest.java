package io.easel.components;

import io.easel.component.ComponentDescriptor;
import io.easel.components.testing.ComponentContract;
import io.easel.components.testing.TestRun;
import java.util.List;

/**
 * The component contract over the whole catalog on the class path. {@code -Deasel.contract.only=id1,id2} narrows it
 * to some components while working on them (the full build runs it all).
 */
class CatalogContractTest extends ComponentContract {

    @Override
    protected List<ComponentDescriptor> covered() {
        String only = System.getProperty("easel.contract.only", "").strip();
        List<ComponentDescriptor> all = TestRun.REGISTRY.catalog().components();
        if (only.isEmpty()) {
            return all;
        }
        List<String> ids = List.of(only.split("\\s*,\\s*"));
        return all.stream().filter(c -> ids.contains(c.id())).toList();
    }
}
