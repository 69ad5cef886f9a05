-- What a deployment does with a text value its model never saw in training: REJECT (422, the default) or UNKNOWN
-- (scored as the model's own unknown category, as Spark scores it).
ALTER TABLE deployments ADD COLUMN unseen_categories varchar(16) NOT NULL DEFAULT 'REJECT'
    CHECK (unseen_categories IN ('REJECT', 'UNKNOWN'));
