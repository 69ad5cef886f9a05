package io.easel.server.deployment;

import io.easel.server.AsAdministrator;
import org.junit.jupiter.api.extension.ExtendWith;
import io.easel.server.security.WorkspaceRef;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.ServerTest;
import io.easel.server.model.ModelFixture;
import io.easel.server.model.ModelNotFoundException;
import io.easel.server.model.ModelService;
import io.easel.server.model.ModelStore;
import io.easel.run.ModelDescription;
import io.easel.run.RunEvent;
import io.easel.server.run.ModelExportedNotice;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

@ServerTest
@ExtendWith(AsAdministrator.class)
class DeploymentServiceTest {

    @Autowired
    ApplicationContext server;

    @Autowired
    ModelService models;

    @Autowired
    ModelStore store;

    @Autowired
    DeploymentService deployments;

    @Test
    void shouldDeployTheLatestVersionUnderANameDerivedFromTheModel() {
        UUID experiment = UUID.randomUUID();
        UUID modelId = export(experiment, "Crédit Risk " + experiment.toString().substring(0, 8));
        export(experiment, "Crédit Risk " + experiment.toString().substring(0, 8));

        DeploymentView deployment = deployments.deploy(modelId, null, null);

        String expectedName = "credit-risk-" + experiment.toString().substring(0, 8) + "-gbdt";
        assertThat(deployment.name()).isEqualTo(expectedName);
        assertThat(deployment.modelVersion()).isEqualTo(2);
        assertThat(deployment.endpointPath()).isEqualTo("/api/score/" + expectedName);
        assertThat(deployment.inputs()).isEqualTo(models.version(modelId, 2).inputs());
        assertThat(deployments.get(WorkspaceRef.DEFAULT, expectedName)).isEqualTo(deployment);
        assertThat(deployments.list(WorkspaceRef.DEFAULT)).contains(deployment);
    }

    @Test
    void shouldDeployAnExplicitVersionAndRepointTheSameNameToAnother() {
        UUID experiment = UUID.randomUUID();
        UUID modelId = export(experiment, "Repoint");
        export(experiment, "Repoint");
        String name = "repoint-" + experiment.toString().substring(0, 8);

        DeploymentView first = deployments.deploy(modelId, 1, name);
        DeploymentView second = deployments.deploy(modelId, 2, name);

        assertThat(first.modelVersion()).isEqualTo(1);
        assertThat(second.modelVersion()).isEqualTo(2);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(deployments.get(WorkspaceRef.DEFAULT, name).modelVersion()).isEqualTo(2);
    }

    @Test
    void shouldNotLetAnotherModelTakeANameButDeriveAFreeOne() {
        String experimentName = "Clash " + UUID.randomUUID().toString().substring(0, 8);
        UUID one = export(UUID.randomUUID(), experimentName);
        UUID other = export(UUID.randomUUID(), experimentName);
        DeploymentView taken = deployments.deploy(one, null, null);

        DeploymentView derived = deployments.deploy(other, null, null);

        assertThat(derived.name()).isEqualTo(taken.name() + "-2");
        assertThatThrownBy(() -> deployments.deploy(other, null, taken.name()))
                .isInstanceOfSatisfying(DeploymentNameException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getMessage()).contains("'" + taken.name() + "'");
                });
    }

    @Test
    void shouldRefuseNamesThatAreNotSlugsAndUnknownModelsOrVersions() {
        UUID modelId = export(UUID.randomUUID(), "Refusals");

        assertThatThrownBy(() -> deployments.deploy(modelId, null, "Credit Risk!"))
                .isInstanceOfSatisfying(DeploymentNameException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).contains("'Credit Risk!'");
                });
        assertThatThrownBy(() -> deployments.deploy(modelId, 9, null)).isInstanceOf(ModelNotFoundException.class)
                .hasMessageContaining("no version 9");
        assertThatThrownBy(() -> deployments.deploy(UUID.randomUUID(), null, null))
                .isInstanceOf(ModelNotFoundException.class);
    }

    @Test
    void shouldForgetADeletedDeployment() {
        UUID modelId = export(UUID.randomUUID(), "Deleted " + UUID.randomUUID().toString().substring(0, 8));
        DeploymentView deployment = deployments.deploy(modelId, null, null);

        deployments.delete(WorkspaceRef.DEFAULT, deployment.name());

        assertThatThrownBy(() -> deployments.get(WorkspaceRef.DEFAULT, deployment.name())).isInstanceOf(DeploymentNotFoundException.class)
                .hasMessage("There is no deployment named '" + deployment.name() + "'");
        assertThatThrownBy(() -> deployments.delete(WorkspaceRef.DEFAULT, deployment.name()))
                .isInstanceOf(DeploymentNotFoundException.class);
    }

    @Test
    void shouldDeriveSlugsFromAnyModelName() {
        UUID id = UUID.fromString("12345678-0000-0000-0000-000000000000");

        assertThat(DeploymentName.derive("Credit scoring / gbdt", id)).isEqualTo("credit-scoring-gbdt");
        assertThat(DeploymentName.derive("信用评分 / gbdt", id)).isEqualTo("gbdt");
        assertThat(DeploymentName.derive("信用评分", id)).isEqualTo("model-12345678");
        assertThat(DeploymentName.derive("x".repeat(100), id)).hasSize(59);
        assertThat(DeploymentName.isSlug("credit-scoring-gbdt")).isTrue();
        assertThat(DeploymentName.isSlug("-credit")).isFalse();
        assertThat(DeploymentName.isSlug("a".repeat(64))).isFalse();
    }

    @Test
    void shouldNameTheNodeWhoseRecordsAModelTakesWhenAStepWithoutPmmlLiesBeforeIt() {
        UUID plain = export(UUID.randomUUID(), "Plain " + UUID.randomUUID().toString().substring(0, 8));
        var notice = ModelFixture.CREDIT_GBDT.export(store, UUID.randomUUID(),
                "Joined " + UUID.randomUUID().toString().substring(0, 8));
        Map<String, Object> facts = new LinkedHashMap<>(notice.model().metrics());
        facts.put(ModelDescription.INPUT_BOUNDARY_FACT, "This model takes the records as they come out of 'Join'"
                + " (node join-1), not the records the sources read: that step has no PMML form.");
        facts.put(ModelDescription.INPUT_BOUNDARY_NODE_FACT, "join-1");
        RunEvent.ModelExported exported = notice.model();
        server.publishEvent(new ModelExportedNotice(notice.workspaceId(), notice.experimentId(),
                notice.experimentName(), notice.runId(), new RunEvent.ModelExported(exported.nodeId(),
                        exported.port(), exported.uri(), exported.inputs(), exported.label(), facts, exported.at())));
        UUID joined = models.producedBy(notice.runId(), ModelFixture.NODE_ID).orElseThrow().modelId();

        assertThat(deployments.deploy(joined, null, null).inputNode()).isEqualTo("join-1");
        assertThat(deployments.deploy(plain, null, null).inputNode()).isNull();
    }

    /** Exports the credit model from a new run of {@code experiment}; returns the model id. */
    private UUID export(UUID experiment, String experimentName) {
        return ModelFixture.CREDIT_GBDT.register(server, experiment, experimentName).modelId();
    }
}
