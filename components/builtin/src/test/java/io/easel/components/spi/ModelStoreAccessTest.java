package io.easel.components.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.run.DataRoots;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a run may read a model: inside its model store, however the location is spelled, or under a data root. */
class ModelStoreAccessTest {

    @TempDir
    Path temp;

    @Test
    void shouldReadAVersionsPmmlInTheModelStoreInJavasAndHadoopsSpelling() {
        Path store = temp.resolve("models");
        DataAccess run = access().withModelStore(store.toString());
        String pmml = store.resolve("run-1/gbdt/model.pmml").toUri().toString(); // file:///…/model.pmml

        assertThat(run.readableModel(pmml)).isEqualTo(pmml);
        assertThat(run.readableModel(pmml.replace("file:///", "file:/"))).isEqualTo(pmml);
        assertThat(run.readableModel(store.resolve("run-1/gbdt/model.pmml").toString())).isEqualTo(pmml);
    }

    @Test
    void shouldJudgeAnythingOutsideTheModelStoreByTheDataRoots() {
        Path store = temp.resolve("models");
        DataAccess run = access().withModelStore("file://" + store);

        assertThat(run.readableModel(temp.resolve("data/tree.pmml").toString()))
                .isEqualTo(temp.resolve("data/tree.pmml").toUri().toString());
        assertThatThrownBy(() -> run.readableModel(temp.resolve("models-elsewhere/model.pmml").toString()))
                .as("a sibling whose name starts like the store's").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run.readableModel(store.resolve("../secrets/model.pmml").toString()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> access().readableModel(store.resolve("run-1/gbdt/model.pmml").toString()))
                .as("a run without a model store").isInstanceOf(IllegalArgumentException.class);
    }

    private DataAccess access() {
        return new DataAccess(DataRoots.of(List.of(temp.resolve("data").toString()), null));
    }
}
