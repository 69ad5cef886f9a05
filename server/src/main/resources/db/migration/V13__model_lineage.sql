-- Model lineage (model package; docs/run-outputs.md, "Models and their lineage"): the experiment revision a model
-- version was trained from, and where it came from as the engine recorded it at export (io.easel.run.ModelLineage:
-- upstream nodes with their params, source files, Spark/JPMML-SparkML/Easel versions, PMML sha256).
-- Both null for versions registered before lineage was recorded.
ALTER TABLE model_versions ADD COLUMN experiment_revision integer;
ALTER TABLE model_versions ADD COLUMN lineage jsonb;
