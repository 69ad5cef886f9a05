package io.easel.component;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything about a component except how it runs: identity, palette placement, ports with their schema rules, and
 * params. The catalog is a list of these, and it is all the server and the UI know of components.
 *
 * @param id stable identifier saved in experiments, e.g. {@code random-split}; never a class name
 * @param version bumped when saved params need a migration
 * @param keywords extra words the palette search matches
 * @param examples worked uses, run by the contract test and shown in the docs
 */
public record ComponentDescriptor(
        String id,
        int version,
        Category category,
        Text title,
        Text description,
        List<String> keywords,
        List<Port> inputs,
        List<Port> outputs,
        List<ParamDef> params,
        List<Example> examples) {

    public ComponentDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
        examples = examples == null ? List.of() : List.copyOf(examples);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Optional<Port> input(String name) {
        return inputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<Port> output(String name) {
        return outputs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public Optional<ParamDef> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Binds params as a user set them against the specs arriving at the inputs (by port name; absent: unknown).
     */
    public ParamBinder.Binding bind(Map<String, Object> userSet, Map<String, PortSpec> inputs) {
        return ParamBinder.bind(this, userSet, port -> Optional.ofNullable(inputs.get(port)));
    }

    /**
     * Binds as {@link #bind(Map, Map)} does, and checks params about the learner of a model input against the
     * learner's declaration, looked up by its component id.
     */
    public ParamBinder.Binding bind(Map<String, Object> userSet, Map<String, PortSpec> inputs,
            Function<String, Optional<ComponentDescriptor>> learners) {
        return ParamBinder.bind(this, userSet, port -> Optional.ofNullable(inputs.get(port)), learners);
    }

    /**
     * What each output port's schema rule infers from bound params and input specs; a port whose spec is not known
     * (or whose rule meets params it cannot read) is absent.
     */
    public Map<String, PortSpec> inferOutputs(BoundParams params, Map<String, PortSpec> inputs) {
        SchemaRule.Context context = new SchemaRule.Context() {
            @Override
            public String componentId() {
                return id;
            }

            @Override
            public Optional<PortSpec> input(String port) {
                return Optional.ofNullable(inputs.get(port));
            }

            @Override
            public BoundParams params() {
                return params;
            }
        };
        Map<String, PortSpec> specs = new LinkedHashMap<>();
        for (Port port : outputs) {
            try {
                port.schema().infer(context).ifPresent(spec -> specs.put(port.name(), spec));
            } catch (RuntimeException e) {
                // a rule meeting params it cannot read (reported by binding) leaves the spec unknown
            }
        }
        return specs;
    }

    /** The model output ports whose models are exported to PMML. */
    @JsonIgnore
    public List<Port> pmmlPorts() {
        return outputs.stream().filter(Port::exportsPmml).toList();
    }

    @JsonIgnore
    public boolean isSource() {
        return inputs.isEmpty();
    }

    /** Collects a component's declaration; {@link #build()} checks it is self-consistent. */
    public static final class Builder {
        private final String id;
        private int version = 1;
        private Category category;
        private Text title;
        private Text description;
        private final List<String> keywords = new ArrayList<>();
        private final List<Port> inputs = new ArrayList<>();
        private final List<Port> outputs = new ArrayList<>();
        private final List<ParamDef> params = new ArrayList<>();
        private final List<Example> examples = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
        }

        public Builder version(int version) {
            this.version = version;
            return this;
        }

        public Builder category(Category category) {
            this.category = category;
            return this;
        }

        public Builder title(String en, String zh) {
            this.title = Text.of(en, zh);
            return this;
        }

        public Builder description(String en, String zh) {
            this.description = Text.of(en, zh);
            return this;
        }

        public Builder keywords(String... words) {
            keywords.addAll(List.of(words));
            return this;
        }

        public Builder inputs(Port... ports) {
            inputs.addAll(List.of(ports));
            return this;
        }

        public Builder outputs(Port... ports) {
            outputs.addAll(List.of(ports));
            return this;
        }

        public Builder params(Param<?>... declared) {
            for (Param<?> p : declared) {
                params.add(p.def());
            }
            return this;
        }

        public Builder params(List<Param<?>> declared) {
            return params(declared.toArray(Param<?>[]::new));
        }

        public Builder examples(Example... worked) {
            examples.addAll(List.of(worked));
            return this;
        }

        public ComponentDescriptor build() {
            var d = new ComponentDescriptor(id, version, category, title, description, keywords, inputs, outputs,
                    params, examples);
            DescriptorCheck.check(d);
            return d;
        }
    }
}
