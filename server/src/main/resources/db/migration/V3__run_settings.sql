-- Run settings: what an engineer tuned for the runs of an experiment (Spark resources, deploy mode, extra Spark
-- settings; {} overrides nothing), and what each run was actually launched with (the server's easel.engine.* values
-- with the experiment's on top; null for runs from before this migration).

ALTER TABLE experiments ADD COLUMN run_settings jsonb NOT NULL DEFAULT '{}'::jsonb;

ALTER TABLE runs ADD COLUMN launch_settings jsonb;
