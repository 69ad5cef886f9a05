package io.easel.components.transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.param.IntArrayParam;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * The categories of each input of a column-wise categorical step, kept in two flat Spark params (every input's
 * categories one after another, and how many belong to each), which Spark's persistence can write.
 */
final class CategoryLists {

    final StringArrayParam categories;
    final IntArrayParam counts;

    CategoryLists(Params owner) {
        this.categories = new StringArrayParam(owner, "categories",
                "every input's categories, one input after another");
        this.counts = new IntArrayParam(owner, "counts", "how many of the categories belong to each input");
    }

    void set(Params owner, List<List<String>> perInput) {
        owner.set(categories, perInput.stream().flatMap(List::stream).toArray(String[]::new));
        owner.set(counts, perInput.stream().mapToInt(List::size).toArray());
    }

    List<List<String>> get(Params owner) {
        List<String> all = Arrays.asList(owner.getOrDefault(categories));
        List<List<String>> result = new ArrayList<>();
        int from = 0;
        for (int count : (int[]) owner.getOrDefault(counts)) {
            result.add(all.subList(from, from + count));
            from += count;
        }
        return result;
    }
}
