-- Scheduled retraining (schedule package; docs/deployment.md, "Scheduled retraining"): an experiment's cron schedule,
-- fired as the user who set it, and what started each run.

CREATE TABLE experiment_schedules (
    experiment_id uuid         PRIMARY KEY REFERENCES experiments (id) ON DELETE CASCADE,
    workspace_id  uuid         NOT NULL,
    -- the user the schedule starts runs and promotes as; the schedule goes when they do
    owner_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner_name    varchar(200) NOT NULL,
    -- Spring's six fields (second first); five-field crons are stored with a leading "0 "
    cron          varchar(200) NOT NULL,
    zone          varchar(100) NOT NULL,
    -- RUN_ONCE or SKIP: what a firing the server slept through does
    missed        varchar(16)  NOT NULL,
    -- the deployment (name, in the experiment's workspace) a successful scheduled run's model is deployed to
    promote_to    varchar(63),
    enabled       boolean      NOT NULL,
    -- the firing due next; replicas claim it by moving it on with a compare-and-set update
    next_fire_at  timestamptz  NOT NULL,
    last_fired_at timestamptz,
    last_run_id   uuid,
    -- why the last firing started no run; null when it did
    last_problem  text,
    updated_at    timestamptz  NOT NULL
);

CREATE INDEX experiment_schedules_due ON experiment_schedules (next_fire_at) WHERE enabled;

-- Scheduled runs whose model waits to be promoted once the run succeeds; a replica claims one by deleting it.
CREATE TABLE pending_promotions (
    run_id        uuid         PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    experiment_id uuid         NOT NULL,
    workspace_id  uuid         NOT NULL,
    owner_id      uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner_name    varchar(200) NOT NULL,
    promote_to    varchar(63)  NOT NULL,
    created_at    timestamptz  NOT NULL
);

ALTER TABLE runs ADD COLUMN run_trigger varchar(16) NOT NULL DEFAULT 'MANUAL';
