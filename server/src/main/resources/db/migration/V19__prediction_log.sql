-- The prediction log: per deployment, off by default; when on, each scored record is logged with probability
-- prediction_log_rate (kept while the log is off, so switching it on again samples as before).
ALTER TABLE deployments ADD COLUMN prediction_log_enabled boolean NOT NULL DEFAULT false;
ALTER TABLE deployments ADD COLUMN prediction_log_rate double precision NOT NULL DEFAULT 1.0;
ALTER TABLE deployments ADD CONSTRAINT deployments_prediction_log_rate
    CHECK (prediction_log_rate > 0 AND prediction_log_rate <= 1);

-- The sampled records, as clients sent them, with what the answering version predicted. No foreign key to
-- deployments: the log outlives an undeploy (analysts evaluate what was served) until the retention purges it.
CREATE TABLE prediction_log (
    id            bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    workspace_id  uuid         NOT NULL,
    deployment    varchar(63)  NOT NULL,
    model_id      uuid         NOT NULL,
    model_version integer      NOT NULL,
    scored_at     timestamptz  NOT NULL,
    -- The scoring request (shared by the records of one request) and the record's place in it, from 1.
    request_id    uuid         NOT NULL,
    record        integer      NOT NULL,
    inputs        jsonb        NOT NULL,
    -- {"prediction": …, "probabilities": {label: p, …}, "score": p}, as the response gave it.
    outputs       jsonb        NOT NULL
);
CREATE INDEX prediction_log_deployment_time ON prediction_log (workspace_id, deployment, scored_at DESC, id DESC);
-- The retention purge deletes by time alone.
CREATE INDEX prediction_log_time ON prediction_log (scored_at);
