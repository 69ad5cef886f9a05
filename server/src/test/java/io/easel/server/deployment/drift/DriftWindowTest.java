package io.easel.server.deployment.drift;

import static org.assertj.core.api.Assertions.assertThat;

import io.easel.run.TrainingProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The window keeps the bins of the latest records only, the oldest giving way. */
class DriftWindowTest {

    private static final TrainingProfile PROFILE = new TrainingProfile(10, List.of(
            new TrainingProfile.Feature("amount", TrainingProfile.Kind.NUMERIC, List.of(100.0), List.of(),
                    List.of(0.5, 0.5, 0.0)),
            new TrainingProfile.Feature("housing", TrainingProfile.Kind.CATEGORICAL, List.of(), List.of("own"),
                    List.of(0.7, 0.3, 0.0))), null);

    @Test
    void shouldCountTheLatestRecordsUpToItsCapacity() {
        DriftWindow window = new DriftWindow(PROFILE, 4);
        window.record(List.of(record(50, "own"), record(60, "own")));

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.shares(0, window.size())).containsExactly(1, 0, 0);

        // Six records in all: the two first ones give way
        window.record(List.of(record(500, "rent"), record(600, null), record(null, "own"), record(700, "rent")));

        assertThat(window.size()).isEqualTo(4);
        assertThat(window.shares(0, window.size())).containsExactly(0, 0.75, 0.25);
        assertThat(window.shares(1, window.size())).containsExactly(0.25, 0.5, 0.25);
    }

    private static Map<String, Object> record(Integer amount, String housing) {
        Map<String, Object> record = new HashMap<>();
        record.put("amount", amount);
        record.put("housing", housing);
        return record;
    }
}
