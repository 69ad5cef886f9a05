-- The models a run exported that are not registered yet: written in the same transaction as the run's progress, and
-- cleared once each is registered, so a server that dies in between registers them at its next start.
ALTER TABLE runs ADD COLUMN unregistered_models jsonb NOT NULL DEFAULT '[]'::jsonb;
CREATE INDEX runs_unregistered_models ON runs (id) WHERE unregistered_models <> '[]'::jsonb;
