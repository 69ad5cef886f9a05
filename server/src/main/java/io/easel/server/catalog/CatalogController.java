package io.easel.server.catalog;

import io.easel.component.Catalog;
import io.easel.component.ComponentDescriptor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/catalog")
@Tag(name = "Catalog", description = "The components that can be placed on the canvas: ports, params, schema rules")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "All components")
    Catalog catalog() {
        return catalog.catalog();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One component by id, e.g. random-split")
    ComponentDescriptor component(@PathVariable String id) {
        return catalog.find(id).orElseThrow(() -> new ComponentNotFoundException(id));
    }
}
