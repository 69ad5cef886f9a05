package io.easel.server.experiment;

import io.easel.graph.ExperimentGraph;
import io.easel.graph.GraphValidator;
import io.easel.graph.ValidationResult;
import io.easel.run.JdbcConnections;
import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.catalog.CatalogService;
import io.easel.server.security.Access;
import io.easel.server.security.NotFoundException;
import io.easel.server.security.WorkspaceRef;
import io.easel.server.settings.StudioOnly;
import io.easel.server.settings.WorkspaceDataRoots;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import io.easel.server.settings.LimitSettings;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved experiments. Saving always keeps the graph, even one that does not validate yet (a draft), and answers with
 * what validation says; only running needs a valid graph. Concurrent editors are kept apart by the version each
 * save names. Each experiment belongs to one workspace: its members read it, its analysts change it, and for everyone
 * else it does not exist (404).
 * <p>
 * Validation runs after the database work is done, outside any transaction: a large graph never holds one of the
 * pool's connections while it is checked.
 */
@Service
@StudioOnly
public class ExperimentService {

    static final int MAX_NAME_LENGTH = 200;

    private final ExperimentRepository experiments;
    private final GraphValidator validator;
    private final WorkspaceDataRoots dataRoots;
    private final ApplicationEventPublisher events;
    private final Access access;
    private final AuditLog audit;
    private final SparkSettingsPolicy sparkSettings;
    private final TransactionTemplate writing;
    private final TransactionTemplate reading;
    private final Clock clock;

    ExperimentService(ExperimentRepository experiments, CatalogService catalog, ApplicationEventPublisher events,
            Access access, AuditLog audit, SparkSettingsPolicy sparkSettings, WorkspaceDataRoots dataRoots,
            JdbcConnections connections, LimitSettings limits, PlatformTransactionManager transactions) {
        this.experiments = experiments;
        this.sparkSettings = sparkSettings;
        this.dataRoots = dataRoots;
        // Every validation is of one workspace's graph: validatorOf gives each its own uploads.
        this.validator = new GraphValidator(catalog.catalog(), dataRoots.withoutUploads(), limits.graph(),
                connections.names());
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
        return reading.execute(tx -> {
            access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
            return experiments.findByWorkspaceIdOrderByUpdatedAtDesc(workspace.id()).stream()
                    .map(e -> new ExperimentSummary(e.id(), e.name(), e.description(), e.graph().nodes().size(),
                            e.version(), e.createdAt(), e.updatedAt()))
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
        return view(writing.execute(tx -> {
            access.requireEdit(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
            return experiments.saveAndFlush(new ExperimentEntity(UUID.randomUUID(), workspace.id(), checkName(name),
                    description, graph == null ? ExperimentGraph.empty() : graph, checkRunSettings(runSettings),
                    now()));
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

    /**
     * Replaces name, description, graph and run settings (a null leaves that one as it is). A change of run settings
     * is audited: they decide what a run may do on the cluster.
     *
     * @throws StaleExperimentException when the experiment has been saved since {@code expectedVersion}
     * @throws InvalidExperimentException (400) naming the first invalid run setting
     */
    public ExperimentView save(UUID id, long expectedVersion, String name, String description,
            ExperimentGraph graph, RunSettings runSettings) {
        try {
            return view(writing.execute(tx -> {
                ExperimentEntity entity = editable(id);
                if (entity.version() != expectedVersion) {
                    throw new StaleExperimentException(id, expectedVersion, entity.version());
                }
                RunSettings newSettings = runSettings == null ? entity.runSettings() : checkRunSettings(runSettings);
                if (!newSettings.equals(entity.runSettings())) {
                    audit.record(AuditAction.RUN_SETTINGS_CHANGED, entity.workspaceId(), id.toString(),
                            entity.runSettings() + " -> " + newSettings);
                }
                entity.change(name == null ? entity.name() : checkName(name),
                        description == null ? entity.description() : description,
                        graph == null ? entity.graph() : graph, newSettings, now());
                return experiments.saveAndFlush(entity);
            }));
        } catch (ObjectOptimisticLockingFailureException raced) {
            // Another save committed between our read and our update.
            throw new StaleExperimentException(id, expectedVersion, expectedVersion + 1);
        }
    }

    /**
     * A deep, independent copy under a new id, in the same workspace; {@code newName} null or blank means
     * "{name} (copy)".
     */
    public ExperimentView copy(UUID id, String newName) {
        return view(writing.execute(tx -> {
            ExperimentEntity source = editable(id);
            String name = newName == null || newName.isBlank() ? copyName(source.name()) : newName;
            ExperimentEntity copy = new ExperimentEntity(UUID.randomUUID(), source.workspaceId(), checkName(name),
                    source.description(), source.graph(), source.runSettings(), now());
            return experiments.saveAndFlush(copy);
        }));
    }

    /** Deletes the experiment and its runs; active runs are cancelled first. */
    public void delete(UUID id) {
        writing.executeWithoutResult(tx -> {
            ExperimentEntity entity = editable(id);
            events.publishEvent(new ExperimentDeleting(id));
            experiments.delete(entity);
            experiments.flush();
            audit.record(AuditAction.EXPERIMENT_DELETED, entity.workspaceId(), id.toString(),
                    "'" + entity.name() + "'");
        });
    }

    /**
     * Validates a graph as an experiment of the workspace would be, paths to its uploads included, for any of its
     * members. It holds no database connection while it validates.
     */
    public ValidationResult validate(WorkspaceRef workspace, ExperimentGraph graph) {
        access.requireRead(workspace.id(), () -> NotFoundException.workspace(workspace.slug()));
        return validatorOf(workspace.id()).validate(graph == null ? ExperimentGraph.empty() : graph);
    }

    private GraphValidator validatorOf(UUID workspaceId) {
        return validator.withDataRoots(dataRoots.of(workspaceId));
    }

    private ExperimentEntity readable(UUID id) {
        ExperimentEntity entity = experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        access.requireRead(entity.workspaceId(), () -> new ExperimentNotFoundException(id));
        return entity;
    }

    private ExperimentEntity editable(UUID id) {
        ExperimentEntity entity = experiments.findById(id).orElseThrow(() -> new ExperimentNotFoundException(id));
        access.requireEdit(entity.workspaceId(), () -> new ExperimentNotFoundException(id));
        return entity;
    }

    private ExperimentView view(ExperimentEntity e) {
        return new ExperimentView(e.id(), e.workspaceId(), e.name(), e.description(), e.graph(), e.version(),
                e.createdAt(), e.updatedAt(), validatorOf(e.workspaceId()).validate(e.graph()), e.runSettings());
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
