-- A canary release: a second version of the deployment's model that takes canary_percent % of its scoring requests
-- until it is promoted (it becomes the served version) or aborted. Both null when no canary runs.
ALTER TABLE deployments ADD COLUMN canary_version integer;
ALTER TABLE deployments ADD COLUMN canary_percent integer;
ALTER TABLE deployments ADD CONSTRAINT deployments_canary_version
    FOREIGN KEY (model_id, canary_version) REFERENCES model_versions (model_id, version);
ALTER TABLE deployments ADD CONSTRAINT deployments_canary_complete
    CHECK ((canary_version IS NULL) = (canary_percent IS NULL));
ALTER TABLE deployments ADD CONSTRAINT deployments_canary_percent
    CHECK (canary_percent BETWEEN 1 AND 99);
ALTER TABLE deployments ADD CONSTRAINT deployments_canary_not_served
    CHECK (canary_version <> model_version);
