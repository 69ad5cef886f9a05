package io.easel.components.builtin.preparation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.components.spi.ModelData;
import io.easel.components.spi.TableData;
import io.easel.components.testing.PmmlParity;
import io.easel.components.testing.TestRun;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SelectAndDropColumnsTest {

    private static final TableData IRIS = TestRun.dataset("iris");

    @Test
    void shouldKeepTheChosenColumnsInTheirOrderAndRenameWithTheSameValues() {
        TableData out = Prep.out("select-columns", Map.of("columns", List.of("species", "petal_width_cm"),
                "renames", "species=label, petal_width_cm = width"), IRIS);

        assertThat(Prep.columns(out)).containsExactly("label", "width");
        assertThat(out.rows().count()).isEqualTo(150);
        assertThat(out.rows().except(IRIS.rows().select("species", "petal_width_cm")).count()).isZero();
    }

    @Test
    void shouldRefuseToRenameAColumnItDoesNotKeepOrIntoAnExistingName() {
        assertThatThrownBy(() -> Prep.out("select-columns", Map.of("columns", List.of("species"),
                "renames", "petal_width_cm=width"), IRIS))
                .hasMessageContaining("'renames'").hasMessageContaining("not among the selected columns");
        assertThatThrownBy(() -> Prep.out("select-columns", Map.of("columns", List.of("species"),
                "renames", "species=petal_width_cm"), IRIS))
                .hasMessageContaining("'renames'").hasMessageContaining("already has a column");
        assertThatThrownBy(() -> Prep.out("select-columns", Map.of("columns", List.of("species"),
                "renames", "species"), IRIS))
                .hasMessageContaining("'renames'").hasMessageContaining("not old=new");
    }

    @Test
    void shouldLetAModelTrainedOnRenamedColumnsScoreRawRecordsInPmml() throws Exception {
        TableData renamed = Prep.out("select-columns", Map.of("columns",
                List.of("petal_length_cm", "petal_width_cm", "species"),
                "renames", "petal_length_cm=length, petal_width_cm=width, species=kind"), IRIS);
        ModelData model = (ModelData) TestRun.execute("decision-tree-classifier", Map.of("labelColumn", "kind",
                "maxDepth", 3), Map.of("in", renamed)).get("model");

        assertThat(model.lineage().rawSchema()).isEqualTo(IRIS.rows().schema());
        PmmlParity.assertSparkAndPmmlAgree(model, IRIS.rows(), "tree on renamed iris columns");
    }

    @Test
    void shouldDropOnlyTheChosenColumnsAndKeepTheLineage() {
        TableData credit = TestRun.dataset("credit_g");
        TableData out = Prep.out("drop-columns", Map.of("columns", List.of("age", "class")), credit);

        assertThat(Prep.columns(out)).hasSize(19).doesNotContain("age", "class").startsWith("checking_status");
        assertThat(out.rows().count()).isEqualTo(1000);
        assertThat(out.lineage()).isEqualTo(credit.lineage());
        Row first = out.rows().first();
        assertThat(first.<Integer>getAs("duration")).isEqualTo(credit.rows().first().<Integer>getAs("duration"));
    }
}
