package io.easel.components.testing;

import io.easel.component.TableSpec;
import io.easel.components.spi.SparkTypes;
import io.easel.components.spi.TableData;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Small hand-made tables for tests that need values chosen to the point. */
public final class Tables {

    private Tables() {}

    /** A source table of the given spec ({@code name:type,…}) and rows. */
    public static TableData of(String spec, Object[]... rows) {
        List<Row> data = Arrays.stream(rows).map(RowFactory::create).toList();
        return TableData.source(TestSpark.session().createDataFrame(data, SparkTypes.toSchema(TableSpec.parse(spec))));
    }
}
