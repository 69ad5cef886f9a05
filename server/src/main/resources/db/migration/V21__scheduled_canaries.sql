-- Canary first in scheduled promotion (schedule package; docs/deployment.md, "Scheduled retraining"): a schedule may
-- promote its new model version as a canary taking a share of the requests, and promote that canary through the
-- deployment's gate once it has run for a while.

-- the canary's share (1 to 99) and how long it runs before it is promoted; both null to deploy at once, the duration
-- null to leave the promotion to people
ALTER TABLE experiment_schedules ADD COLUMN canary_percent integer;
ALTER TABLE experiment_schedules ADD COLUMN canary_for_seconds bigint;
ALTER TABLE pending_promotions ADD COLUMN canary_percent integer;
ALTER TABLE pending_promotions ADD COLUMN canary_for_seconds bigint;

-- Canaries a schedule started, to be promoted at promote_at; a replica claims one by deleting it.
CREATE TABLE scheduled_canaries (
    run_id       uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL,
    owner_id     uuid         NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    owner_name   varchar(200) NOT NULL,
    deployment   varchar(63)  NOT NULL,
    model_id     uuid         NOT NULL,
    version      integer      NOT NULL,
    promote_at   timestamptz  NOT NULL
);

CREATE INDEX scheduled_canaries_due ON scheduled_canaries (promote_at);
