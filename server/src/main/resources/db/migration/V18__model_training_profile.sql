-- Training profile (deployment package; docs/deployment.md, "Drift"): how the records a version trained on were
-- distributed, input by input (io.easel.run.TrainingProfile: quantile bins of numeric inputs, the most frequent values
-- of the others, the missing share), which a deployment compares its served inputs with. Null for versions registered
-- before profiles.
ALTER TABLE model_versions ADD COLUMN training_profile jsonb;
