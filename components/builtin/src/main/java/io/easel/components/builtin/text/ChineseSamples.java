package io.easel.components.builtin.text;

import io.easel.component.Example;
import io.easel.components.spi.ExampleData;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A few short Chinese product reviews for the examples of the Chinese components, with a sentiment label. Written
 * for Easel by its developers (no third-party text), plain Simplified Chinese; made into a table by a SQL query, as
 * no bundled dataset has Chinese text.
 */
final class ChineseSamples {

    /** Review and sentiment. */
    static final List<List<String>> REVIEWS = List.of(
            List.of("这款手机的电池很耐用，拍照效果也非常好。", "好评"),
            List.of("物流太慢了，等了一个星期才收到货。", "差评"),
            List.of("屏幕清晰，价格便宜，我很满意！", "好评"),
            List.of("质量很差，用了两天就坏了，不推荐购买。", "差评"),
            List.of("客服态度很好，耐心地回答了我的问题。", "好评"),
            List.of("包装破损，商品和描述的不一样。", "差评"),
            List.of("我们在北京大学学习自然语言处理。", "中性"),
            List.of("这本书的内容很丰富，适合初学者阅读。", "好评"));

    private ChineseSamples() {}

    /** The reviews as a table with the columns {@code review} and {@code sentiment}. */
    static Example.Upstream reviews() {
        return Example.Upstream.of("sql-query", Map.of("query", query()), "out")
                .from("t1", ExampleData.dataset("iris"));
    }

    /** The SQL that lists the reviews (it reads no table). */
    static String query() {
        return "SELECT * FROM VALUES " + REVIEWS.stream().map(r -> "('" + r.get(0) + "', '" + r.get(1) + "')")
                .collect(Collectors.joining(", ")) + " AS reviews(review, sentiment)";
    }

    /** The reviews segmented into a {@code words} column. */
    static Example.Upstream reviewWords() {
        return Example.Upstream.of("segment-chinese", Map.of("textColumn", "review"), "out").from("in", reviews());
    }
}
