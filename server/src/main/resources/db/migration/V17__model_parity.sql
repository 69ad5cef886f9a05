-- Parity report (model package; docs/run-outputs.md, "Parity report"): whether a version's PMML predicted what Spark
-- predicted on a sample of rows at export (io.easel.run.ParityReport: rows compared, perturbed and refused rows, max
-- difference, label mismatches, flagged, summary). Null for versions registered before the check.
ALTER TABLE model_versions ADD COLUMN parity jsonb;
