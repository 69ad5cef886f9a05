-- Batch scoring (model package; docs/deployment.md, "Batch scoring"): every batch-score call of one model version runs
-- the same experiment, saved with the call's input and output as a new revision, instead of creating one experiment
-- per call. Null until the version is first batch-scored; an experiment deleted since is replaced by a new one.
ALTER TABLE model_versions ADD COLUMN batch_experiment_id uuid;
