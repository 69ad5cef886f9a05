-- A deployment's evaluation gate: the rules ([{"metric": "auc", "atLeast": 0.75}, {"metric": "auc",
-- "notWorseThanServed": 0.01}, …]) every version it is pointed at must pass. Empty for no gate.
ALTER TABLE deployments ADD COLUMN gate jsonb NOT NULL DEFAULT '[]'::jsonb;
