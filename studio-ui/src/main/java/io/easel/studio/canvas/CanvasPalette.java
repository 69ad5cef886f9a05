package io.easel.studio.canvas;

import io.easel.component.Catalog;
import io.easel.component.Category;
import io.easel.component.ComponentDescriptor;
import io.easel.component.Port;
import io.easel.component.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the canvas's palette shows, in one language: the catalog grouped by category in palette order, plus the
 * canvas's own texts. Search on the client matches the English and Chinese titles whatever the language.
 */
record CanvasPalette(List<Section> categories, Map<String, String> texts) {

    record Section(String id, String title, List<Item> components) {}

    record Item(String id, int version, String title, String titleEn, String titleZh, String description,
            List<String> keywords, List<PortItem> inputs, List<PortItem> outputs) {}

    record PortItem(String name, String type, String title, boolean optional) {}

    private static final Map<String, Text> TEXTS = canvasTexts();

    static CanvasPalette of(Catalog catalog, Locale locale) {
        Map<Category, List<Item>> byCategory = new LinkedHashMap<>();
        for (Category category : Category.values()) {
            byCategory.put(category, new ArrayList<>());
        }
        for (ComponentDescriptor c : catalog.components()) {
            byCategory.get(c.category()).add(new Item(c.id(), c.version(), c.title().in(locale), c.title().en(),
                    c.title().zh(), c.description().in(locale), c.keywords(), ports(c.inputs(), locale),
                    ports(c.outputs(), locale)));
        }
        List<Section> sections = byCategory.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(e -> new Section(e.getKey().jsonName(), e.getKey().title().in(locale), e.getValue()))
                .toList();
        Map<String, String> texts = new LinkedHashMap<>();
        TEXTS.forEach((key, text) -> texts.put(key, text.in(locale)));
        return new CanvasPalette(sections, texts);
    }

    private static List<PortItem> ports(List<Port> ports, Locale locale) {
        return ports.stream()
                .map(p -> new PortItem(p.name(), p.type().jsonName(), p.title().in(locale), p.optional()))
                .toList();
    }

    private static Map<String, Text> canvasTexts() {
        Map<String, Text> t = new LinkedHashMap<>();
        t.put("search", Text.of("Search components", "搜索组件"));
        t.put("noMatches", Text.of("No component matches", "没有匹配的组件"));
        t.put("emptyCanvas", Text.of("Drag components here from the palette", "从左侧组件库拖动组件到这里"));
        t.put("zoomIn", Text.of("Zoom in", "放大"));
        t.put("zoomOut", Text.of("Zoom out", "缩小"));
        t.put("fit", Text.of("Fit to screen", "适应画布"));
        t.put("undo", Text.of("Undo", "撤销"));
        t.put("redo", Text.of("Redo", "重做"));
        t.put("remove", Text.of("Delete selection", "删除所选"));
        t.put("inputs", Text.of("input", "输入"));
        t.put("outputs", Text.of("output", "输出"));
        t.put("wrongType", Text.of("A {from} output cannot feed a {to} input", "{from} 输出不能连接到 {to} 输入"));
        t.put("portTaken", Text.of("This input is already connected", "该输入已有连线"));
        t.put("cycle", Text.of("This connection would create a cycle", "该连线会形成环"));
        t.put("favourites", Text.of("Favourites", "收藏"));
        t.put("recent", Text.of("Recently used", "最近使用"));
        t.put("star", Text.of("Add to favourites", "加入收藏"));
        t.put("unstar", Text.of("Remove from favourites", "取消收藏"));
        t.put("layout", Text.of("Auto-layout", "自动布局"));
        t.put("minimap", Text.of("Show or hide the overview map", "显示或隐藏缩略图"));
        t.put("help", Text.of("Keyboard shortcuts", "快捷键"));
        t.put("shortcuts", Text.of("Keyboard shortcuts", "快捷键"));
        t.put("close", Text.of("Close", "关闭"));
        t.put("viewOutput", Text.of("View output", "查看输出"));
        t.put("rename", Text.of("Rename", "重命名"));
        t.put("duplicate", Text.of("Duplicate", "创建副本"));
        t.put("delete", Text.of("Delete", "删除"));
        t.put("componentHelp", Text.of("Help", "帮助"));
        t.put("runThis", Text.of("Run this node", "运行此节点"));
        t.put("runFrom", Text.of("Run from here", "从此处开始运行"));
        t.put("runTo", Text.of("Run to here", "运行到此处"));
        t.put("stale", Text.of("Out of date", "已过期"));
        t.put("copy", Text.of("Copy", "复制"));
        t.put("paste", Text.of("Paste", "粘贴"));
        t.put("deleteEdge", Text.of("Delete connection", "删除连线"));
        t.put("selectAll", Text.of("Select all", "全选"));
        t.put("multiSelect", Text.of("Add to the selection / select with a box", "加入选择 / 框选"));
        t.put("addNode", Text.of("Add the palette item to the canvas", "将组件库中的组件加入画布"));
        t.put("contextMenu", Text.of("Node and canvas actions", "节点与画布操作"));
        t.put("rightClick", Text.of("Right click", "右键单击"));
        t.put("shiftClick", Text.of("Shift + click, Shift + drag", "Shift + 单击，Shift + 拖动"));
        t.put("description", Text.of("Description", "说明"));
        t.put("addNote", Text.of("Add comment", "添加注释"));
        t.put("editNote", Text.of("Edit comment", "编辑注释"));
        return Map.copyOf(t);
    }
}
