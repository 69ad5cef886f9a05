-- Experiments keep every saved graph as a numbered revision, go to a trash before they are purged, and carry tags and
-- the user who created them (experiment package; docs/experiment-format.md, "Revisions and trash").

ALTER TABLE experiments
    -- who created it; null for experiments made before owners were recorded
    ADD COLUMN owner      varchar(200),
    ADD COLUMN tags       jsonb       NOT NULL DEFAULT '[]',
    -- the number of its latest revision
    ADD COLUMN revision   integer     NOT NULL DEFAULT 1,
    -- set while it is in the trash: hidden from the list, its runs and deployments kept, purged after a while
    ADD COLUMN deleted_at timestamptz;

CREATE TABLE experiment_revisions (
    experiment_id uuid         NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    number        integer      NOT NULL,
    graph         jsonb        NOT NULL,
    author        varchar(200) NOT NULL,
    -- when its graph was last written: autosaves by the same author are written into one revision
    saved_at      timestamptz  NOT NULL,
    message       varchar(500),
    -- an autosave the next save by the same author may still overwrite
    autosave      boolean      NOT NULL,
    -- the revision this one restored, if it was made by restoring one
    restored_from integer,
    PRIMARY KEY (experiment_id, number)
);

-- What each experiment is now becomes its first revision.
INSERT INTO experiment_revisions (experiment_id, number, graph, author, saved_at, message, autosave)
SELECT id, 1, graph, 'unknown', updated_at, NULL, false FROM experiments;

CREATE INDEX experiments_workspace_trash ON experiments (workspace_id, deleted_at) WHERE deleted_at IS NOT NULL;
