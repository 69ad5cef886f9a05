-- Incremental runs: how a run treats stored node outputs (the previous run of its experiment, forced nodes), and per
-- node the run whose outputs it reused or why it ran again.
ALTER TABLE runs ADD COLUMN run_options jsonb;
ALTER TABLE node_runs ADD COLUMN reused_from varchar(128);
ALTER TABLE node_runs ADD COLUMN rerun_reason text;
