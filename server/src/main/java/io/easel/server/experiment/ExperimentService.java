package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.ValidationError;
import io.easel.graph.ValidationResult;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.catalog.CatalogService;
import io.easel.server.data.DatabaseSchemas;
import io.easel.server.data.WorkspaceConnections;
import io.easel.server.security.Access;
import io.easel.server.security.Caller;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.easel.server.settings.WorkspaceDataRoots;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import io.easel.server.settings.LimitSettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved experiments. Saving always keeps the graph, even one that does not validate yet (a draft), and answers with
 * what validation says; only running needs a valid graph. Concurrent editors are kept apart by the version each
 * save names. Every saved graph is kept as a revision ({@link RevisionLog}); deleting moves an experiment to the
 * trash, from which it is restored or purged. Each experiment belongs to one workspace: its members read it, its analysts change it, and for everyone
 * else it does not exist (404).
 * <p>
 * Validation runs after the database work is done, outside any transaction: a large graph never holds one of the
 * pool's connections while it is checked.
 */
@Service
@StudioOnly
public class ExperimentService {

    static final int MAX_NAME_LENGTH = 200;
    static final int MAX_TAG_LENGTH = 50;
    static final int MAX_TAGS = 20;

    private final ExperimentRepository experiments;
    private final RevisionLog revisions;
    private final CatalogService catalog;
    private final GraphValidator validator;
    private final WorkspaceDataRoots dataRoots;
    private final WorkspaceConnections connections;
    private final DatabaseSchemas databaseSchemas;
    private final List<WorkspaceGraphCheck> workspaceChecks;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final AuditLog audit;
    private final SparkSettingsPolicy sparkSettings;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final Clock clock;

    ExperimentService(ExperimentRepository experiments, RevisionLog revisions, CatalogService catalog,
            ApplicationEventPublisher events, Access access, AuditLog audit, SparkSettingsPolicy sparkSettings,
            WorkspaceDataRoots dataRoots, WorkspaceConnections connections, DatabaseSchemas databaseSchemas,
            LimitSettings limits, List<WorkspaceGraphCheck> workspaceChecks, PlatformTransactionManager transactions) {
        this.experiments = experiments;
        this.revisions = revisions;
        this.catalog = catalog;
        this.sparkSettings = sparkSettings;
        this.dataRoots = dataRoots;
        this.connections = connections;
        this.databaseSchemas = databaseSchemas;
        this.workspaceChecks = List.copyOf(workspaceChecks);
        // Every validation is of one workspace's graph: validated gives each its own uploads and connections.
        this.validator = new GraphValidator(catalog.catalog(), dataRoots.withoutUploads(), limits.graph(), Set.of());
        this.writing = new TransactionTemplate(transactions);
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.events = events;
        this.access = access;
        this.audit = audit;
        this.clock = Clock.systemUTC();
    }

    /** The workspace's experiments, most recently changed first. */
    public List<ExperimentSummary> list(WorkspaceRef workspace) {
        return list(workspace, ExperimentQuery.ALL);
    }

    /** The workspace's experiments (or its trash) that match the query, in its order, read in one query. */
    public List<ExperimentSummary> list(WorkspaceRef workspace, ExperimentQuery query) {
        return reading.execute(tx -> {
            access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
            return experiments.search(workspace.id(), query.trash(), query.search().toLowerCase(Locale.ROOT),
                            query.sort().name().toLowerCase(Locale.ROOT)).stream()
                    .map(e -> new ExperimentSummary(e.id(), e.name(), e.description(), e.tags(), e.owner(),
                            e.graph().nodes().size(), e.version(), e.revision(), e.createdAt(), e.updatedAt(),
                            e.deletedAt()))
                    .toList();
        });
    }

    public ExperimentView create(WorkspaceRef workspace, String name, String description, ExperimentGraph graph) {
        return create(workspace, name, description, graph, null);
    }

    /**
     * @param runSettings null for none
     * @throws InvalidExperimentException (400) naming the first invalid run setting
     */
    public ExperimentView create(WorkspaceRef workspace, String name, String description, ExperimentGraph graph,
            RunSettings runSettings) {
        return create(workspace, new ExperimentEdit(name, description, null, graph, runSettings, SaveKind.SAVE));
    }

    /**
     * Creates an experiment from every field of {@code fields} (null ones empty), as its revision 1.
     *
     * @throws InvalidExperimentException (400) naming the first invalid field
     */
    public ExperimentView create(WorkspaceRef workspace, ExperimentEdit fields) {
        return view(writing.execute(tx -> {
            Caller caller = access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
            ExperimentEntity created = new ExperimentEntity(UUID.randomUUID(), workspace.id(), caller.name(),
                    new ExperimentFields(checkName(fields.name()), fields.description(), checkTags(fields.tags()),
                            fields.graph()), checkRunSettings(fields.runSettings()), now());
            ExperimentEntity saved = experiments.saveAndFlush(created);
            revisions.start(saved, caller.name(), saved.createdAt());
            return saved;
        }));
    }

    public ExperimentView get(UUID id) {
        return view(reading.execute(tx -> readable(id)));
    }

    /**
     * Replaces name, description and graph (a null leaves that one as it is).
     *
     * @param expectedVersion the version the caller's copy was read at
     * @throws StaleExperimentException when the experiment has been saved since that version
     */
    public ExperimentView save(UUID id, long expectedVersion, String name, String description,
            ExperimentGraph graph) {
        return save(id, expectedVersion, name, description, graph, null);
    }

    /** Replaces name, description, graph and run settings (a null leaves that one as it is). */
    public ExperimentView save(UUID id, long expectedVersion, String name, String description,
            ExperimentGraph graph, RunSettings runSettings) {
        return save(id, expectedVersion, new ExperimentEdit(name, description, null, graph, runSettings,
                SaveKind.SAVE));
    }

    /**
     * Saves changes (a null field is left as it is) and keeps the graph as a revision ({@link RevisionLog} says
     * when a save adds one). A change of run settings is audited: they decide what a run may do on the cluster.
     *
     * @param expectedVersion the version the caller's copy was read at
     * @throws StaleExperimentException (409) when the experiment has been saved since {@code expectedVersion}: the
     *     save changes nothing, so neither side's work is lost
     * @throws InvalidExperimentException (400) naming the first invalid field or run setting
     */
    public ExperimentView save(UUID id, long expectedVersion, ExperimentEdit edit) {
        try {
            return view(writing.execute(tx -> {
                ExperimentEntity entity = editable(id, experiments.lockById(id));
                if (entity.version() != expectedVersion) {
                    throw new StaleExperimentException(id, expectedVersion, entity.version());
                }
                Caller caller = access.caller();
                RunSettings newSettings = edit.runSettings() == null ? entity.runSettings()
                        : checkRunSettings(edit.runSettings());
                if (!newSettings.equals(entity.runSettings())) {
                    audit.record(AuditAction.RUN_SETTINGS_CHANGED, entity.workspaceId(), id.toString(),
                            entity.runSettings() + " -> " + newSettings);
                }
                ExperimentFields now = entity.fields();
                entity.change(new ExperimentFields(edit.name() == null ? now.name() : checkName(edit.name()),
                        edit.description() == null ? now.description() : edit.description(),
                        edit.tags() == null ? now.tags() : checkTags(edit.tags()),
                        edit.graph() == null ? now.graph() : edit.graph()), newSettings, now());
                revisions.keep(entity, caller.name(), edit.kind(), now());
                return experiments.saveAndFlush(entity);
            }));
        } catch (ObjectOptimisticLockingFailureException raced) {
            // Another save committed between our read and our update.
            throw new StaleExperimentException(id, expectedVersion, expectedVersion + 1);
        }
    }

    /**
     * A deep, independent copy under a new id, in the same workspace; {@code newName} null or blank means
     * "{name} (copy)". The copy starts its own revisions, at 1.
     */
    public ExperimentView copy(UUID id, String newName) {
        ExperimentView source = get(id);
        String name = newName == null || newName.isBlank() ? copyName(source.name()) : newName;
        return create(new WorkspaceRef(source.workspaceId(), null, null), new ExperimentEdit(name, source.description(),
                source.tags(), source.graph(), source.runSettings(), SaveKind.SAVE));
    }

    // ---- trash

    /**
     * Moves the experiment to the trash: it leaves the list, its runs, models and deployments stay (a deployment
     * keeps serving), and it can be restored until it is purged.
     */
    public void delete(UUID id) {
        writing.executeWithoutResult(tx -> {
            ExperimentEntity entity = editable(id);
            entity.trash(now());
            experiments.saveAndFlush(entity);
            audit.record(AuditAction.EXPERIMENT_TRASHED, entity.workspaceId(), id.toString(),
                    "'" + entity.name() + "'");
        });
    }

    /** Takes the experiment out of the trash, back into the list as it was. */
    public ExperimentView restoreFromTrash(UUID id) {
        return view(writing.execute(tx -> {
            ExperimentEntity entity = trashed(id);
            entity.restoreFromTrash();
            audit.record(AuditAction.EXPERIMENT_RESTORED, entity.workspaceId(), id.toString(),
                    "'" + entity.name() + "'");
            return experiments.saveAndFlush(entity);
        }));
    }

    /** Deletes an experiment in the trash for good, with its revisions and runs; active runs are cancelled first. */
    public void purge(UUID id) {
        writing.executeWithoutResult(tx -> purge(trashed(id)));
    }

    /**
     * Purges what has been in the trash for longer than {@code retention}, for the server itself (no caller).
     *
     * @return how many experiments were purged
     */
    int purgeTrashedBefore(Instant cutoff) {
        return writing.execute(tx -> {
            List<ExperimentEntity> expired = experiments.findByDeletedAtBefore(cutoff);
            expired.forEach(this::purge);
            return expired.size();
        });
    }

    private void purge(ExperimentEntity entity) {
        events.publishEvent(new ExperimentDeleting(entity.id()));
        experiments.delete(entity);
        experiments.flush();
        audit.record(AuditAction.EXPERIMENT_DELETED, entity.workspaceId(), entity.id().toString(),
                "'" + entity.name() + "'");
    }

    // ---- revisions

    /** The experiment's revisions, newest first. */
    public List<RevisionSummary> revisions(UUID id) {
        return reading.execute(tx -> revisions.list(readable(id).id()));
    }

    public RevisionView revision(UUID id, int number) {
        return reading.execute(tx -> revisions.get(readable(id).id(), number));
    }

    /**
     * The experiment with the graph of its revision {@code number}, validated now, its other fields as they are: what
     * a run of that revision runs, whatever has been saved since.
     *
     * @throws RevisionNotFoundException (404) for a revision the experiment does not have
     */
    public ExperimentView atRevision(UUID id, int number) {
        record Revision(ExperimentEntity experiment, ExperimentGraph graph) {}
        Revision found = reading.execute(tx -> {
            ExperimentEntity experiment = readable(id);
            return new Revision(experiment, revisions.get(experiment.id(), number).graph());
        });
        return view(found.experiment(), found.graph(), number);
    }

    /**
     * Makes an earlier revision's graph the experiment's graph again, as a new revision: nothing in between is lost.
     *
     * @param expectedVersion the version the caller's copy was read at, or null to restore over whatever is saved
     * @throws StaleExperimentException (409) when the experiment has been saved since {@code expectedVersion}
     */
    public ExperimentView restoreRevision(UUID id, int number, Long expectedVersion) {
        RevisionView revision = revision(id, number);
        long basedOn = expectedVersion != null ? expectedVersion : get(id).version();
        return save(id, basedOn, new ExperimentEdit(null, null, null, revision.graph(), null,
                SaveKind.restoring(number)));
    }

    /** What changed from revision {@code from} to revision {@code to}. */
    public GraphDiff diff(UUID id, int from, int to) {
        return reading.execute(tx -> {
            UUID experiment = readable(id).id();
            return GraphDiff.between(revisions.get(experiment, from).graph(), revisions.get(experiment, to).graph());
        });
    }

    // ---- files

    /** The experiment as a file (docs/experiment-format.md). */
    public ExperimentFile export(UUID id) {
        return ExperimentFile.of(get(id));
    }

    /**
     * Creates an experiment from a file, after checking all of it: a file with any problem creates nothing.
     *
     * @param fallbackName the name when the file has none (e.g. the file's name); null for none
     * @throws InvalidExperimentFileException (400) with every problem, each at its JSON path
     */
    public ExperimentView importFile(WorkspaceRef workspace, String text, String fallbackName) {
        access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        ExperimentFile file = ExperimentFileReader.read(text, catalog::find);
        String name = file.name() != null ? file.name() : fallbackName;
        if (name == null || name.isBlank()) {
            throw new InvalidExperimentFileException(List.of(ImportProblem.of("$.name", ImportProblem.Code.MISSING,
                    null)));
        }
        return create(workspace, new ExperimentEdit(name, file.description(), file.tags(), file.graph(), null,
                SaveKind.SAVE));
    }

    /**
     * Validates a graph as an experiment of the workspace would be, paths to its uploads included, for any of its
     * members. It holds no connection to Easel's database while it validates; a JDBC source's columns are asked of
     * its own database ({@link DatabaseSchemas}).
     */
    public ValidationResult validate(WorkspaceRef workspace, ExperimentGraph graph) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return validated(workspace.id(), graph == null ? ExperimentGraph.empty() : graph);
    }

    /** The graph validated in its workspace: by the validator the engine shares, then by the workspace checks. */
    private ValidationResult validated(UUID workspaceId, ExperimentGraph graph) {
        ValidationResult validation = validator.forWorkspace(dataRoots.of(workspaceId),
                connections.namesFor(workspaceId), databaseSchemas.of(workspaceId)).validate(graph);
        List<ValidationError> checked = workspaceChecks.stream()
                .flatMap(check -> check.errors(workspaceId, graph).stream()).toList();
        return checked.isEmpty() ? validation : new ValidationResult(
                Stream.concat(validation.errors().stream(), checked.stream()).toList(), validation.specs());
    }

    /** An experiment the caller may read, not in the trash. */
    private ExperimentEntity readable(UUID id) {
        ExperimentEntity entity = experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        access.requireRead(entity.workspaceId(), () -> new ExperimentNotFoundException(id));
        if (entity.inTrash()) {
            throw ExperimentNotFoundException.inTrash(id);
        }
        return entity;
    }

    /** An experiment the caller may change, not in the trash. */
    private ExperimentEntity editable(UUID id) {
        return editable(id, experiments.findById(id));
    }

    private ExperimentEntity editable(UUID id, Optional<ExperimentEntity> found) {
        ExperimentEntity entity = found.orElseThrow(() -> new ExperimentNotFoundException(id));
        access.requireEdit(entity.workspaceId(), () -> new ExperimentNotFoundException(id));
        if (entity.inTrash()) {
            throw ExperimentNotFoundException.inTrash(id);
        }
        return entity;
    }

    /** An experiment in the trash the caller may change. */
    private ExperimentEntity trashed(UUID id) {
        ExperimentEntity entity = experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        access.requireEdit(entity.workspaceId(), () -> new ExperimentNotFoundException(id));
        if (!entity.inTrash()) {
            throw ExperimentNotFoundException.notInTrash(id);
        }
        return entity;
    }

    private ExperimentView view(ExperimentEntity e) {
        return view(e, e.graph(), e.revision());
    }

    private ExperimentView view(ExperimentEntity e, ExperimentGraph graph, int revision) {
        return new ExperimentView(e.id(), e.workspaceId(), e.name(), e.description(), e.tags(), e.owner(), graph,
                e.version(), revision, e.createdAt(), e.updatedAt(), validated(e.workspaceId(), graph),
                e.runSettings());
    }

    private static String copyName(String name) {
        String suffix = " (copy)";
        return name.length() + suffix.length() <= MAX_NAME_LENGTH ? name + suffix
                : name.substring(0, MAX_NAME_LENGTH - suffix.length()) + suffix;
    }

    /**
     * The experiment's run settings if they may be used to launch a run now (an administrator may have narrowed
     * the Spark settings experiments may carry since they were saved).
     *
     * @throws InvalidExperimentException (400) naming the first setting that may not be used
     */
    public RunSettings launchableRunSettings(ExperimentView experiment) {
        return checkRunSettings(experiment.runSettings());
    }

    private RunSettings checkRunSettings(RunSettings runSettings) {
        if (runSettings == null) {
            return RunSettings.NONE;
        }
        List<RunSettings.Problem> problems = runSettings.problems(sparkSettings);
        if (!problems.isEmpty()) {
            RunSettings.Problem first = problems.get(0);
            throw new InvalidExperimentException("runSettings." + first.field(), first.message());
        }
        return runSettings;
    }

    /** Tags stripped, without blanks or repeats (case-insensitively), in the order given. */
    private static List<String> checkTags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        for (String tag : tags) {
            String stripped = tag == null ? "" : tag.strip();
            if (stripped.length() > MAX_TAG_LENGTH) {
                throw new InvalidExperimentException("tags", "'" + stripped + "' is longer than " + MAX_TAG_LENGTH
                        + " characters");
            }
            if (!stripped.isEmpty()) {
                kept.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
            }
        }
        if (kept.size() > MAX_TAGS) {
            throw new InvalidExperimentException("tags", "has " + kept.size() + " tags; at most " + MAX_TAGS
                    + " are allowed");
        }
        return List.copyOf(kept.values());
    }

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidExperimentException("name", "must not be blank");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new InvalidExperimentException("name", "is " + trimmed.length() + " characters long; at most "
                    + MAX_NAME_LENGTH + " are allowed");
        }
        return trimmed;
    }

    /** PostgreSQL keeps microseconds; truncating here makes what we answer equal what we read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
