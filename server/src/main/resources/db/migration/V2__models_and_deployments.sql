-- Models, their versions and deployments. Owned by C2 (model + deployment features).
-- No foreign keys to experiments or runs: a model (and whatever serves it) outlives the experiment and runs that made it.
-- Every table has a nullable owner_id: users and workspaces come later.

-- A model is one model-producing node of one experiment; every run that exports it adds a version.
CREATE TABLE models (
    id            uuid         PRIMARY KEY,
    name          varchar(500) NOT NULL,
    experiment_id uuid         NOT NULL,
    node_id       varchar(200) NOT NULL,
    created_at    timestamptz  NOT NULL,
    owner_id      uuid,
    UNIQUE (experiment_id, node_id)
);

CREATE TABLE model_versions (
    id         uuid          PRIMARY KEY,
    model_id   uuid          NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    version    integer       NOT NULL CHECK (version > 0),
    run_id     uuid          NOT NULL,
    node_id    varchar(200)  NOT NULL,
    -- where the engine wrote the PMML (file:…, hdfs://…); model.json lies beside it
    pmml_uri   varchar(2000) NOT NULL,
    -- the raw columns a scoring request carries: [{"name": …, "type": …}]
    inputs     jsonb         NOT NULL,
    label      jsonb,
    metrics    jsonb         NOT NULL,
    created_at timestamptz   NOT NULL,
    owner_id   uuid,
    UNIQUE (model_id, version),
    -- one version per run and node: an export reported twice registers once
    UNIQUE (run_id, node_id)
);

-- A named scoring endpoint (/api/score/{name}) serving one model version.
CREATE TABLE deployments (
    id            uuid         PRIMARY KEY,
    name          varchar(63)  NOT NULL UNIQUE,
    model_id      uuid         NOT NULL,
    model_version integer      NOT NULL,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    version       bigint       NOT NULL,
    owner_id      uuid,
    FOREIGN KEY (model_id, model_version) REFERENCES model_versions (model_id, version)
);

CREATE INDEX deployments_model ON deployments (model_id);
