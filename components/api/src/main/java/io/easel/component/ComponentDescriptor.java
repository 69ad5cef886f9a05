package io.easel.component;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything about a component except how it runs: identity, palette placement, ports with their schema rules, and
 * params. The catalog is a list of these, and it is all the server and the UI know of components.
 *
 * @param id stable identifier saved in experiments, e.g. {@code random-split}; never a class name
 * @param version bumped when saved params need a migration
 * @param keywords extra words the palette search matches
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
        List<ParamDef> params) {

    public ComponentDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = List.copyOf(params);
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

        public ComponentDescriptor build() {
            var d = new ComponentDescriptor(id, version, category, title, description, keywords, inputs, outputs,
                    params);
            DescriptorCheck.check(d);
            return d;
        }
    }
}
