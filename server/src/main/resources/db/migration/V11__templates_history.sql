-- Run history: the experiment revision each run ran (run package; docs/experiment-format.md, "Run history").
-- Null for runs from before runs recorded it.
ALTER TABLE runs ADD COLUMN revision integer;
