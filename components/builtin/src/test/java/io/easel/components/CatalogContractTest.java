package io.easel.components;

import io.easel.component.ComponentDescriptor;
import io.easel.components.testing.ComponentContract;
import io.easel.components.testing.TestRun;
import java.util.List;

/** The component contract over the whole catalog on the class path. */
class CatalogContractTest extends ComponentContract {

    @Override
    protected List<ComponentDescriptor> covered() {
        return TestRun.REGISTRY.catalog().components();
    }
}
