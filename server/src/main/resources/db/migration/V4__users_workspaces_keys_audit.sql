-- Sign-in and workspaces (security package): users, workspaces and their members, API keys, and the audit log.
-- Experiments, runs, models and deployments now belong to exactly one workspace; what existed before moves into the
-- default workspace, which every install has (so a fresh install is usable at once).

CREATE TABLE workspaces (
    id         uuid         PRIMARY KEY,
    slug       varchar(63)  NOT NULL UNIQUE,
    name       varchar(200) NOT NULL,
    created_at timestamptz  NOT NULL
);

INSERT INTO workspaces (id, slug, name, created_at)
VALUES ('00000000-0000-0000-0000-000000000001', 'default', 'Default', now());

CREATE TABLE users (
    id            uuid         PRIMARY KEY,
    username      varchar(100) NOT NULL UNIQUE,
    display_name  varchar(200),
    -- bcrypt; null for users who sign in only through the identity provider (OIDC)
    password_hash varchar(100),
    admin         boolean      NOT NULL,
    enabled       boolean      NOT NULL,
    -- who the identity provider says this is, for users it created
    oidc_issuer   varchar(500),
    oidc_subject  varchar(255),
    created_at    timestamptz  NOT NULL,
    UNIQUE (oidc_issuer, oidc_subject)
);

-- Roles are per workspace: the same person may edit in one workspace and only read in another. Administrators
-- (users.admin) may do everything everywhere and are not listed here.
CREATE TABLE workspace_members (
    workspace_id uuid        NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role         varchar(16) NOT NULL CHECK (role IN ('viewer', 'analyst')),
    PRIMARY KEY (workspace_id, user_id)
);

CREATE INDEX workspace_members_user ON workspace_members (user_id);

CREATE TABLE api_keys (
    id           uuid         PRIMARY KEY,
    workspace_id uuid         NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name         varchar(200) NOT NULL,
    role         varchar(16)  NOT NULL CHECK (role IN ('viewer', 'analyst')),
    -- SHA-256 (hex) of the key's secret part; the key itself is shown once, when it is created
    secret_hash  varchar(64)  NOT NULL,
    created_by   varchar(100) NOT NULL,
    created_at   timestamptz  NOT NULL,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

CREATE INDEX api_keys_workspace ON api_keys (workspace_id);

CREATE TABLE audit_events (
    id             bigserial    PRIMARY KEY,
    at             timestamptz  NOT NULL,
    actor          varchar(200) NOT NULL,
    action         varchar(40)  NOT NULL,
    workspace_id   uuid,
    target         varchar(500),
    detail         text,
    remote_address varchar(64)
);

CREATE INDEX audit_events_at ON audit_events (at DESC, id DESC);

-- The owner_id columns were left for this: the thing's workspace. Child rows (node runs, model versions) belong to
-- the workspace of their run or model.
ALTER TABLE experiments RENAME COLUMN owner_id TO workspace_id;
ALTER TABLE runs RENAME COLUMN owner_id TO workspace_id;
ALTER TABLE models RENAME COLUMN owner_id TO workspace_id;
ALTER TABLE deployments RENAME COLUMN owner_id TO workspace_id;
ALTER TABLE node_runs DROP COLUMN owner_id;
ALTER TABLE model_versions DROP COLUMN owner_id;

UPDATE experiments SET workspace_id = '00000000-0000-0000-0000-000000000001';
UPDATE runs SET workspace_id = '00000000-0000-0000-0000-000000000001';
UPDATE models SET workspace_id = '00000000-0000-0000-0000-000000000001';
UPDATE deployments SET workspace_id = '00000000-0000-0000-0000-000000000001';

ALTER TABLE experiments ALTER COLUMN workspace_id SET NOT NULL,
    ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE runs ALTER COLUMN workspace_id SET NOT NULL,
    ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE models ALTER COLUMN workspace_id SET NOT NULL,
    ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);
ALTER TABLE deployments ALTER COLUMN workspace_id SET NOT NULL,
    ADD FOREIGN KEY (workspace_id) REFERENCES workspaces (id);

DROP INDEX experiments_updated_at;
CREATE INDEX experiments_workspace_updated_at ON experiments (workspace_id, updated_at DESC);
CREATE INDEX models_workspace ON models (workspace_id, created_at DESC);

-- A deployment's name (its scoring URL /api/score/{name}) is unique within its workspace, so one workspace cannot
-- learn another's names by colliding with them.
ALTER TABLE deployments DROP CONSTRAINT deployments_name_key;
ALTER TABLE deployments ADD CONSTRAINT deployments_workspace_name UNIQUE (workspace_id, name);
