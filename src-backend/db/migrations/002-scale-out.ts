/**
 * Several instances on one database. Idempotency keys become per engineer: the key is chosen by
 * the client, so a key another engineer happens to reuse must neither collide with nor answer the
 * first engineer's result. Retention runs are recorded, so that instances agree when the job last
 * ran and it runs once per interval across all of them.
 */
export const scaleOutSchema = `
ALTER TABLE idempotency_keys DROP CONSTRAINT idempotency_keys_pkey;
ALTER TABLE idempotency_keys ADD PRIMARY KEY (engineer_id, key);

CREATE TABLE retention_runs (
  id          bigserial PRIMARY KEY,
  job         text NOT NULL,
  started_at  timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  deleted     integer NOT NULL CHECK (deleted >= 0),
  trigger     text NOT NULL CHECK (trigger IN ('schedule', 'admin'))
);
CREATE INDEX retention_runs_latest ON retention_runs (job, started_at DESC);
`;
