package io.easel.component;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What is known about the data on a port before anything runs. Schema inference maps input specs to output specs,
 * and everything that checks columns (validation, column pickers) reads these.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TableSpec.class, name = "table"),
    @JsonSubTypes.Type(value = ModelSpec.class, name = "model"),
    @JsonSubTypes.Type(value = ReportSpec.class, name = "report")
})
public sealed interface PortSpec permits TableSpec, ModelSpec, ReportSpec {

    PortType portType();
}
