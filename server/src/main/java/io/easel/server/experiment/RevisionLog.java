package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.server.settings.StudioOnly;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Keeps an experiment's graphs as numbered revisions, inside the transaction of the save that writes them. Every
 * revision is kept for as long as the experiment exists (an analyst expects to find any state they saved, like a
 * document's version history); growth stays bounded by what people save, not by how often the editor autosaves:
 * <ul>
 * <li>an autosave, or any save, by the author of the latest revision while that one is still an autosave, writes
 * into that revision (an explicit save then keeps it for good);</li>
 * <li>a save that leaves the graph as the latest revision has it adds none (a rename is not a revision);</li>
 * <li>every other save, and every restore, adds one.</li>
 * </ul>
 */
@Component
@StudioOnly
class RevisionLog {

    private final RevisionRepository revisions;

    RevisionLog(RevisionRepository revisions) {
        this.revisions = revisions;
    }

    /** The first revision of a new experiment (already stored: the revision refers to it). */
    void start(ExperimentEntity experiment, String author, Instant now) {
        revisions.saveAndFlush(new RevisionEntity(new RevisionKey(experiment.id(), experiment.revision()),
                experiment.graph(), author, now, SaveKind.SAVE));
    }

    /** Keeps the experiment's graph as it has just been saved, and notes the revision's number on it. */
    void keep(ExperimentEntity experiment, String author, SaveKind kind, Instant now) {
        Optional<RevisionEntity> latest = revisions.findFirstByKeyExperimentIdOrderByKeyNumberDesc(experiment.id());
        ExperimentGraph graph = experiment.graph();
        if (latest.isPresent() && kind.restoredFrom() == null) {
            RevisionEntity last = latest.get();
            if (last.autosave() && last.author().equals(author)) {
                last.overwrite(graph, now, kind);
                experiment.revision(last.number());
                return;
            }
            if (last.graph().equals(graph) && kind.message() == null) {
                return;
            }
        }
        int number = latest.map(RevisionEntity::number).orElse(0) + 1;
        revisions.save(new RevisionEntity(new RevisionKey(experiment.id(), number), graph, author, now, kind));
        experiment.revision(number);
    }

    List<RevisionSummary> list(UUID experimentId) {
        return revisions.findByKeyExperimentIdOrderByKeyNumberDesc(experimentId).stream()
                .map(RevisionEntity::summary).toList();
    }

    RevisionView get(UUID experimentId, int number) {
        RevisionEntity revision = revisions.findById(new RevisionKey(experimentId, number))
                .orElseThrow(() -> new RevisionNotFoundException(experimentId, number));
        return new RevisionView(revision.summary(), revision.graph());
    }
}
