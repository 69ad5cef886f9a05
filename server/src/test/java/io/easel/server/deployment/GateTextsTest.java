package io.easel.server.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.easel.server.model.ModelVersionView;
import io.easel.server.run.ModelEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The one table of metric directions, the rules' validation and the words a gate uses; no server needed. */
class GateTextsTest {

    /** The gate's check reads nothing but its arguments, so it runs without its collaborators here. */
    private final DeploymentGate gate = new DeploymentGate(null, null, null, null, null);

    @Test
    void shouldKnowWhichWayEachReportedMetricGetsBetter() {
        for (String higher : List.of("auc", "prAuc", "accuracy", "f1", "macroF1", "weightedF1", "r2", "silhouette",
                "ndcgAtK", "areaUnderROC")) {
            assertThat(MetricDirection.of(higher)).as(higher).contains(MetricDirection.HIGHER_IS_BETTER);
        }
        for (String lower : List.of("rmse", "mae", "mape", "logLoss", "daviesBouldin")) {
            assertThat(MetricDirection.of(lower)).as(lower).contains(MetricDirection.LOWER_IS_BETTER);
        }
        assertThat(MetricDirection.of("rows")).isEmpty();
        assertThat(MetricDirection.of("AUC")).isEmpty();
        assertThat(MetricDirection.reportedName("areaUnderROC")).isEqualTo("auc");
        assertThat(MetricDirection.HIGHER_IS_BETTER.worseBeyond(0.79, 0.80, 0.0)).isTrue();
        assertThat(MetricDirection.HIGHER_IS_BETTER.worseBeyond(0.795, 0.80, 0.01)).isFalse();
        assertThat(MetricDirection.LOWER_IS_BETTER.worseBeyond(3.2, 3.0, 0.1)).isTrue();
        assertThat(MetricDirection.LOWER_IS_BETTER.worseBeyond(2.9, 3.0, 0.0)).isFalse();
    }

    @Test
    void shouldRefuseRulesItCannotApplyNamingTheRuleAndMetric() {
        assertThatThrownBy(() -> GateRule.atLeast("aucc", 0.8).validate(2))
                .isInstanceOfSatisfying(GateRuleException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).startsWith("Gate rule 2 (aucc) names metric 'aucc', which Easel does "
                            + "not know; use one of ").contains("auc, ").contains("rmse");
                });
        assertThatThrownBy(() -> new GateRule("auc", 0.8, 0.9, null).validate(1))
                .hasMessage("Gate rule 1 (auc) needs exactly one of 'atLeast', 'atMost' and 'notWorseThanServed', "
                        + "not 2");
        assertThatThrownBy(() -> new GateRule("auc", null, null, null).validate(1))
                .hasMessage("Gate rule 1 (auc) needs exactly one of 'atLeast', 'atMost' and 'notWorseThanServed'");
        assertThatThrownBy(() -> new GateRule(" ", 0.8, null, null).validate(3))
                .hasMessage("Gate rule 3 has no 'metric'");
        assertThatThrownBy(() -> GateRule.notWorseThanServed("auc", -0.01).validate(1))
                .hasMessageContaining("margin of 0 or more");
        assertThatThrownBy(() -> GateRule.atMost("rmse", Double.NaN).validate(1))
                .hasMessageContaining("finite");
    }

    @Test
    void shouldWriteRulesShortly() {
        assertThat(new Gate(List.of(GateRule.atLeast("auc", 0.75), GateRule.atMost("rmse", 3.0),
                GateRule.notWorseThanServed("f1", 0.0), GateRule.notWorseThanServed("rmse", 0.25))).shortText())
                .isEqualTo("auc ≥ 0.75, rmse ≤ 3, f1 ≥ served, rmse ≤ served + 0.25");
        assertThat(Gate.NONE.shortText()).isEmpty();
    }

    @Test
    void shouldNameEachFailedRuleWithBothFiguresTellingCloseFiguresApart() {
        ModelVersionView candidate = version(2, Map.of("auc", 0.81, "rmse", 3.5));
        ModelVersionView served = version(1, Map.of("auc", 0.83));

        List<GateFailure> failures = gate.check(new Gate(List.of(GateRule.atLeast("areaUnderROC", 0.85),
                GateRule.atMost("rmse", 3.0), GateRule.notWorseThanServed("auc", 0.01), GateRule.atLeast("f1", 0.5),
                GateRule.atLeast("auc", 0.81000001))), candidate, served);

        assertThat(failures).extracting(GateFailure::text).containsExactly(
                "areaUnderROC 0.81 is below the gate's 0.85",
                "rmse 3.5 is above the gate's 3",
                "auc 0.81 is worse than the served version 1's 0.83 by more than the gate's margin of 0.01",
                "version 2 has no f1: none of its evaluations reports it (evaluate the model downstream of its node "
                        + "in the experiment)",
                "auc 0.81 is below the gate's 0.81000001");
        assertThat(failures).extracting(GateFailure::reason).containsExactly(GateFailure.Reason.BELOW,
                GateFailure.Reason.ABOVE, GateFailure.Reason.WORSE_THAN_SERVED, GateFailure.Reason.MISSING,
                GateFailure.Reason.BELOW);
        assertThat(failures.get(2).limit()).isCloseTo(0.82, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(failures.get(2).servedVersion()).isEqualTo(1);
    }

    @Test
    void shouldPassWhatMeetsEveryRuleAndCompareWithNothingWhenNothingIsServed() {
        ModelVersionView candidate = version(2, Map.of("auc", 0.81, "rmse", 3.0));
        Gate rules = new Gate(List.of(GateRule.atLeast("auc", 0.81), GateRule.atMost("rmse", 3.0),
                GateRule.notWorseThanServed("auc", 0.02)));

        assertThat(gate.check(rules, candidate, version(1, Map.of("auc", 0.83)))).isEmpty();
        assertThat(gate.check(rules, candidate, null)).isEmpty();
        assertThat(gate.check(rules, candidate, version(1, Map.of()))).isEmpty();
        assertThat(gate.check(new Gate(List.of(GateRule.notWorseThanServed("rmse", 0))), candidate,
                version(1, Map.of("rmse", 2.9)))).extracting(GateFailure::text)
                .containsExactly("rmse 3 is worse than the served version 1's 2.9");
    }

    private static ModelVersionView version(int number, Map<String, Object> metrics) {
        return new ModelVersionView(UUID.randomUUID(), UUID.randomUUID(), "Credit", number, UUID.randomUUID(),
                "gbdt", "file:/m", List.of(), null, Map.of(), Instant.now(), null, null,
                List.of(new ModelEvaluation("evaluate", null, "binary-classification-evaluation", "report",
                        metrics)), null, null);
    }
}
