package io.easel.server.schedule;

import io.easel.server.audit.AuditAction;
import io.easel.server.audit.AuditLog;
import io.easel.server.experiment.ExperimentNotFoundException;
import io.easel.server.experiment.ExperimentService;
import io.easel.server.experiment.ExperimentView;
import io.easel.server.security.Access;
import io.easel.server.security.Caller;
import io.easel.server.security.ForbiddenException;
import io.easel.server.settings.StudioOnly;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Experiment schedules (docs/deployment.md, "Scheduled retraining"): a cron in a time zone at which the experiment
 * runs again as the user who set the schedule, and optionally the deployment its new model version is promoted to.
 * Members of the experiment's workspace read a schedule; analysts set and remove it (audited). {@link ScheduleTicker}
 * fires them.
 */
@Service
@StudioOnly
public class ScheduleService {

    private final ScheduleRepository schedules;
    private final ExperimentService experiments;
    private final Access access;
    private final AuditLog audit;
    private final Clock clock;

    ScheduleService(ScheduleRepository schedules, ExperimentService experiments, Access access, AuditLog audit,
            Clock clock) {
        this.schedules = schedules;
        this.experiments = experiments;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @throws ExperimentNotFoundException (404) for an experiment the caller may not see
     * @throws ScheduleNotFoundException (404) when it has no schedule
     */
    @Transactional(readOnly = true)
    public ScheduleView get(UUID experimentId) {
        experiments.get(experimentId);
        return schedules.findById(experimentId).map(ScheduleEntity::view)
                .orElseThrow(() -> new ScheduleNotFoundException(experimentId));
    }

    /**
     * Sets the experiment's schedule; the caller becomes its owner, whose runs and promotions it makes. The next
     * firing is the first after now, so firings missed while the schedule was disabled do not count.
     *
     * @throws InvalidScheduleException (400) naming the wrong field
     * @throws ConcurrentScheduleChangeException (409) when another request created the schedule meanwhile
     * @throws ForbiddenException (403) for viewers, and for API keys: a schedule acts as a person
     */
    @Transactional
    public ScheduleView put(UUID experimentId, ScheduleRequest request) {
        ExperimentView experiment = experiments.get(experimentId);
        Caller caller = access.requireEdit(experiment.workspaceId(),
                () -> new ExperimentNotFoundException(experimentId));
        if (caller.isApiKey()) {
            throw new ForbiddenException("A schedule runs the experiment as the person who sets it; sign in as a "
                    + "user to set one (API keys cannot)");
        }
        ScheduleSettings settings = ScheduleSettings.of(request);
        ScheduleEntity schedule = schedules.findById(experimentId)
                .orElseGet(() -> new ScheduleEntity(experimentId, experiment.workspaceId()));
        schedule.set(settings, new ScheduleOwner(caller.userId(), caller.name()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        ScheduleView saved;
        try {
            saved = schedules.saveAndFlush(schedule).view();
        } catch (DataIntegrityViolationException e) {
            // two first PUTs raced to insert the experiment's row
            throw new ConcurrentScheduleChangeException(experimentId);
        }
        audit.record(AuditAction.SCHEDULE_CHANGED, experiment.workspaceId(), "experiment " + experimentId,
                "cron '" + saved.cron() + "' in " + saved.zone() + ", missed " + saved.missed().code()
                        + (saved.promoteTo() == null ? "" : ", promote to " + saved.promoteTo())
                        + (saved.canaryPercent() == null ? "" : " as a canary taking " + saved.canaryPercent() + " %"
                                + (saved.canaryFor() == null ? "" : " for " + saved.canaryFor()))
                        + (saved.enabled() ? "" : ", disabled"));
        return saved;
    }

    /**
     * Removes the experiment's schedule; runs it started go on.
     *
     * @throws ScheduleNotFoundException (404) when it has none
     * @throws ForbiddenException (403) for viewers
     */
    @Transactional
    public void delete(UUID experimentId) {
        ExperimentView experiment = experiments.get(experimentId);
        access.requireEdit(experiment.workspaceId(), () -> new ExperimentNotFoundException(experimentId));
        ScheduleEntity schedule = schedules.findById(experimentId)
                .orElseThrow(() -> new ScheduleNotFoundException(experimentId));
        schedules.delete(schedule);
        audit.record(AuditAction.SCHEDULE_REMOVED, experiment.workspaceId(), "experiment " + experimentId,
                "cron '" + schedule.view().cron() + "'");
    }
}
