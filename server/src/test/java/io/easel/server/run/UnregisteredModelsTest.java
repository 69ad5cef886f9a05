package io.easel.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.RunEvent;
import io.easel.run.RunEventBatch;
import io.easel.run.RunState;
import io.easel.server.AsAdministrator;
import io.easel.server.Graphs;
import io.easel.server.ServerTest;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.server.security.WorkspaceRef;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The kill -9 point no external test can hit reliably: after the engine's report of its end and its model was
 * committed, before the model was registered. The run keeps the model as unregistered in the same transaction, and the
 * next server process registers it.
 */
@ServerTest
@ExtendWith(AsAdministrator.class)
class UnregisteredModelsTest {

    @Autowired
    RunLedger ledger;

    @Autowired
    RunAnnouncer announcer;

    @Autowired
    ExperimentService experiments;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Test
    void shouldRegisterAtTheNextStartAModelWhoseRunEndedJustBeforeTheServerDied() {
        UUID experiment = experiments.create(WorkspaceRef.DEFAULT, "Died before registering", null,
                Graphs.creditSplit(0.8)).id();
        String token = CallbackTokens.newToken();
        RunView run = ledger.create(WorkspaceRef.DEFAULT_ID, experiment, "Died before registering",
                Graphs.creditSplit(0.8), null, CallbackTokens.hash(token));
        String uri = ModelFixture.CREDIT_GBDT.writeToStore(store, run.id());
        RunEvent.ModelExported exported = ModelFixture.CREDIT_GBDT.notice(experiment, "x", run.id(), uri, true)
                .model();

        // What the callback committed; the server died before it announced the model.
        RunLedger.Applied applied = ledger.apply(run.id(), token, new RunEventBatch(run.id().toString(), 1,
                List.of(exported, new RunEvent.RunFinished(RunState.SUCCEEDED, "done", 2))));
        assertThat(applied.run().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(models.producedBy(run.id(), exported.nodeId())).isEmpty();
        assertThat(ledger.unregisteredModels()).anySatisfy(left -> assertThat(left.run().id()).isEqualTo(run.id()));

        announcer.registerLeftovers(); // what the next server process does when it is ready

        assertThat(models.producedBy(run.id(), exported.nodeId())).hasValueSatisfying(
                version -> assertThat(version.pmmlUri()).isEqualTo(uri));
        assertThat(ledger.unregisteredModels()).noneSatisfy(left -> assertThat(left.run().id()).isEqualTo(run.id()));
        announcer.registerLeftovers(); // and registering twice changes nothing
        assertThat(models.get(models.producedBy(run.id(), exported.nodeId()).orElseThrow().modelId()).versions())
                .hasSize(1);
    }
}
