package io.easel.components.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.component.DataType;
import io.easel.component.TableSpec;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SparkTypesTest {

    @Test
    void shouldMapEveryEaselTypeToOneSparkTypeAndBack() {
        for (DataType type : DataType.values()) {
            assertThat(SparkTypes.toEasel(SparkTypes.toSpark(type))).as(type.name()).contains(type);
        }
        assertThat(SparkTypes.toSpark(DataType.VECTOR)).isEqualTo(SQLDataTypes.VectorType());
        assertThat(SparkTypes.toSpark(DataType.LONG)).isEqualTo(DataTypes.LongType);
        // Spark's tokenizers write arrays that may hold nulls, NGram arrays that may not: both are word lists
        assertThat(SparkTypes.toEasel(DataTypes.createArrayType(DataTypes.StringType, false)))
                .contains(DataType.TOKENS);
    }

    @Test
    void shouldTurnATableSpecIntoANullableSchemaAndBack() {
        TableSpec spec = TableSpec.parse("id:long,name:string,score:double,ok:boolean,day:date,at:timestamp,v:vector,w:tokens");

        StructType schema = SparkTypes.toSchema(spec);

        assertThat(schema.fields()).allMatch(f -> f.nullable());
        assertThat(SparkTypes.fromSchema(schema)).isEqualTo(spec);
    }

    @Test
    void shouldRefuseSparkTypesEaselDoesNotHaveNamingTheColumn() {
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("ratio", DataTypes.FloatType);

        assertThatThrownBy(() -> SparkTypes.fromSchema(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ratio'").hasMessageContaining("float");
    }

    @Test
    void shouldBringNearTypesIntoEaselTypesForReaders() {
        StructType inferred = new StructType()
                .add("small", DataTypes.ShortType)
                .add("big", DataTypes.createDecimalType(20, 0))
                .add("ratio", DataTypes.FloatType)
                .add("local", DataTypes.TimestampNTZType)
                .add("name", DataTypes.StringType);

        assertThat(SparkTypes.fromSchema(SparkTypes.toNearestEasel(inferred)))
                .isEqualTo(TableSpec.parse("small:integer,big:double,ratio:double,local:timestamp,name:string"));
        assertThatThrownBy(() -> SparkTypes.toNearestEasel(new StructType().add("ranks",
                DataTypes.createArrayType(DataTypes.IntegerType))))
                .hasMessageContaining("'ranks'");
    }
}
