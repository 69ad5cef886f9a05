-- The version a deployment served before its last swap, so a bad rollout can be rolled back to it in one step.
-- Null for a deployment that never changed version. Like the served version, it must be a version of the model.
ALTER TABLE deployments ADD COLUMN previous_version integer;
ALTER TABLE deployments ADD CONSTRAINT deployments_previous_version
    FOREIGN KEY (model_id, previous_version) REFERENCES model_versions (model_id, version);
