-- Experiments (the saved graphs) and their runs. Owned by the server core (C1); models and deployments are in V2.
-- Every table has a nullable owner_id: users and workspaces come later.

CREATE TABLE experiments (
    id          uuid         PRIMARY KEY,
    name        varchar(200) NOT NULL,
    description text,
    graph       jsonb        NOT NULL,
    version     bigint       NOT NULL,
    created_at  timestamptz  NOT NULL,
    updated_at  timestamptz  NOT NULL,
    owner_id    uuid
);

CREATE INDEX experiments_updated_at ON experiments (updated_at DESC);

CREATE TABLE runs (
    id                  uuid         PRIMARY KEY,
    experiment_id       uuid         NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    experiment_name     varchar(200) NOT NULL,
    state               varchar(16)  NOT NULL,
    message             text,
    spark_app_id        varchar(200),
    spark_ui_url        varchar(500),
    -- the graph as it was run: the experiment may change while (and after) it runs
    graph               jsonb        NOT NULL,
    -- SHA-256 (hex) of the bearer token the engine of this run must present on its callbacks
    callback_token_hash varchar(64)  NOT NULL,
    -- the highest event batch sequence applied, so a batch delivered twice is ignored
    last_sequence       bigint       NOT NULL,
    created_at          timestamptz  NOT NULL,
    started_at          timestamptz,
    finished_at         timestamptz,
    owner_id            uuid
);

CREATE INDEX runs_experiment ON runs (experiment_id, created_at DESC);
CREATE INDEX runs_unfinished ON runs (state) WHERE state IN ('QUEUED', 'STARTING', 'RUNNING');

CREATE TABLE node_runs (
    run_id      uuid         NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    node_id     varchar(200) NOT NULL,
    position    integer      NOT NULL,
    state       varchar(16)  NOT NULL,
    message     text,
    started_at  timestamptz,
    finished_at timestamptz,
    -- what each output port produced: {"ports": {"<port>": PortResult}}
    outputs     jsonb        NOT NULL,
    owner_id    uuid,
    PRIMARY KEY (run_id, node_id)
);
