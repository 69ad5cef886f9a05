package io.easel.server.schedule;

import io.easel.server.settings.StudioOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@StudioOnly
@RequestMapping("/api/experiments/{experimentId}/schedule")
@Tag(name = "Schedules", description = "Scheduled retraining: run an experiment on a cron schedule and promote "
        + "its new model version to a deployment")
class ScheduleController {

    private final ScheduleService schedules;

    ScheduleController(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @GetMapping
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "The experiment's schedule (404 when it has none)")
    ScheduleView get(@PathVariable UUID experimentId) {
        return schedules.get(experimentId);
    }

    @PutMapping
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Set the experiment's schedule; the caller becomes the user it runs as")
    ScheduleView put(@PathVariable UUID experimentId, @RequestBody ScheduleRequest request) {
        return schedules.put(experimentId, request);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the experiment's schedule")
    void delete(@PathVariable UUID experimentId) {
        schedules.delete(experimentId);
    }
}
