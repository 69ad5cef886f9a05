package io.easel.component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The component reference (docs/components.md) written from the catalog: every component with its ports, params,
 * PMML support and examples, grouped by palette section. Generated, never edited by hand.
 */
public final class CatalogDocs {

    private CatalogDocs() {}

    public static String markdown(Catalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("# Components\n\n");
        out.append("Generated from the component declarations (`CatalogDocs`); do not edit. ")
                .append(catalog.components().size()).append(" components.\n\n");
        Map<Category, List<ComponentDescriptor>> byCategory = new TreeMap<>();
        catalog.components().forEach(c -> byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c));
        byCategory.forEach((category, components) -> {
            out.append("- **").append(category.title().en()).append("** (").append(category.title().zh())
                    .append("): ")
                    .append(components.stream().map(c -> "[" + c.title().en() + "](#" + c.id() + ")")
                            .collect(Collectors.joining(", ")))
                    .append("\n");
        });
        byCategory.forEach((category, components) -> {
            out.append("\n## ").append(category.title().en()).append(" · ").append(category.title().zh())
                    .append("\n");
            components.forEach(c -> component(out, c));
        });
        return out.toString();
    }

    private static void component(StringBuilder out, ComponentDescriptor c) {
        out.append("\n### ").append(c.title().en()).append(" · ").append(c.title().zh()).append("\n\n");
        out.append("<a id=\"").append(c.id()).append("\"></a>`").append(c.id()).append("` (version ")
                .append(c.version()).append(")\n\n");
        out.append(c.description().en()).append("\n\n").append(c.description().zh()).append("\n\n");
        out.append("| Port | Direction | Type | |\n|---|---|---|---|\n");
        for (Port port : c.inputs()) {
            out.append("| `").append(port.name()).append("` ").append(cell(port.title().en())).append(" | in")
                    .append(port.optional() ? " (optional)" : "").append(" | ").append(port.type().jsonName())
                    .append(" | |\n");
        }
        for (Port port : c.outputs()) {
            out.append("| `").append(port.name()).append("` ").append(cell(port.title().en())).append(" | out | ")
                    .append(port.type().jsonName()).append(" | ").append(pmml(port)).append(" |\n");
        }
        if (!c.params().isEmpty()) {
            out.append("\n| Param | Type | Default | Allowed | Description |\n|---|---|---|---|---|\n");
            for (ParamDef p : c.params()) {
                out.append("| `").append(p.name()).append("` ").append(cell(p.title().en()))
                        .append(p.required() ? " (required)" : "").append(p.advanced() ? " (advanced)" : "")
                        .append(" | ").append(p.type().jsonName()).append(" | ")
                        .append(p.defaultValue() == null ? "" : "`" + cell(String.valueOf(p.defaultValue())) + "`")
                        .append(" | ").append(cell(allowed(p))).append(" | ")
                        .append(p.description() == null ? "" : cell(p.description().en())).append(" |\n");
            }
        }
        reports(out, c);
        if (!c.examples().isEmpty()) {
            out.append("\nExamples:\n");
            for (Example example : c.examples()) {
                out.append("- ").append(example.title().en()).append(example.params().isEmpty() ? ""
                        : ": " + new TreeMap<>(example.params()).entrySet().stream()
                                .map(e -> "`" + e.getKey() + "` = `" + e.getValue() + "`")
                                .collect(Collectors.joining(", ")))
                        .append(inputs(example.inputs())).append("\n");
            }
        }
    }

    private static void reports(StringBuilder out, ComponentDescriptor c) {
        for (Port port : c.outputs()) {
            if (port.schema() instanceof SchemaRule.Fixed fixed && fixed.spec() instanceof ReportSpec report) {
                out.append("\nReport `").append(report.kind()).append("`: ")
                        .append(report.metrics().stream().map(m -> m.title().en() + (m.headline() ? " ★" : ""))
                                .collect(Collectors.joining(", ")));
                if (!report.charts().isEmpty()) {
                    out.append("; charts: ").append(report.charts().stream()
                            .map(ch -> ch.title().en() + " (" + ch.kind().jsonName() + ")")
                            .collect(Collectors.joining(", ")));
                }
                out.append("\n");
            }
        }
    }

    private static String inputs(Map<String, Example.Upstream> inputs) {
        if (inputs.isEmpty()) {
            return "";
        }
        return "; " + new TreeMap<>(inputs).entrySet().stream()
                .map(e -> "`" + e.getKey() + "` ← " + upstream(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String upstream(Example.Upstream upstream) {
        String params = upstream.params().isEmpty() ? "" : " " + new TreeMap<>(upstream.params());
        String from = upstream.inputs().isEmpty() ? "" : " ← " + new TreeMap<>(upstream.inputs()).values().stream()
                .map(CatalogDocs::upstream).collect(Collectors.joining(" + "));
        return upstream.component() + params + "." + upstream.port() + from;
    }

    private static String pmml(Port port) {
        if (port.pmmlAsInput() != null) {
            return "PMML when the model on `" + port.pmmlAsInput() + "` has it";
        }
        if (port.pmml() == null) {
            return "";
        }
        return port.exportsPmml() ? "PMML, deployable" : "no PMML";
    }

    private static String allowed(ParamDef p) {
        List<String> parts = new ArrayList<>();
        if (p.min() != null || p.max() != null) {
            parts.add(p.rangeText());
        }
        if (!p.choices().isEmpty()) {
            parts.add(p.choices().stream().map(ParamDef.Choice::value).collect(Collectors.joining(", ")));
        }
        if (p.columns() != null) {
            String types = p.columns().types().isEmpty() ? "any"
                    : p.columns().types().stream().map(DataType::jsonName).collect(Collectors.joining("/"));
            parts.add(types + " columns of `" + p.columns().port() + "`"
                    + (p.columns().allWhenEmpty() ? "; empty: all" : "")
                    + (p.columns().exclude().isEmpty() ? "" : "; not " + p.columns().exclude()));
        }
        if (p.learnerOf() != null) {
            parts.add((p.type() == ParamType.SEARCH_SPACE ? "params of the learner of `" : "suiting the learner of `")
                    + p.learnerOf() + "`");
        }
        if (p.visibleWhen() != null) {
            parts.add("when `" + p.visibleWhen().param() + "` is " + p.visibleWhen().values());
        }
        return String.join("; ", parts);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
