package io.easel.graph;

import io.easel.component.PortSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of validating a graph: its errors, and every port spec inference could work out (by node id, then
 * port name), which is what column pickers offer.
 */
public record ValidationResult(List<ValidationError> errors, Map<String, Map<String, PortSpec>> specs) {

    public ValidationResult {
        errors = List.copyOf(errors);
        specs = Map.copyOf(specs);
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    public List<ValidationError> errorsOf(String nodeId) {
        return errors.stream().filter(e -> nodeId.equals(e.nodeId())).toList();
    }

    public Optional<PortSpec> spec(String nodeId, String port) {
        return Optional.ofNullable(specs.getOrDefault(nodeId, Map.of()).get(port));
    }
}
