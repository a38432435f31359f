/**
 * Running a workspace without SQL. Engineers can be disabled (their tokens and sign-in codes stop
 * working; their tickets keep their history). Tokens get a public id to list and revoke them by,
 * a label (whose admin token it is), when they were last used, an optional expiry, and revocation
 * (a revoked row stays, so the list shows what was revoked when). Sign-in codes are short, single
 * use, expire in minutes, and are stored hashed like tokens. The audit log is append-only: a
 * trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export const administrationSchema = `
ALTER TABLE engineers ADD COLUMN disabled boolean NOT NULL DEFAULT false;

ALTER TABLE api_tokens
  ADD COLUMN id text NOT NULL DEFAULT ('tok_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 16)),
  ADD COLUMN label text,
  ADD COLUMN last_used_at timestamptz,
  ADD COLUMN expires_at timestamptz,
  ADD COLUMN revoked_at timestamptz;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_id_key UNIQUE (id);

CREATE TABLE sign_in_codes (
  code_hash   text PRIMARY KEY,
  engineer_id text NOT NULL REFERENCES engineers (id) ON DELETE CASCADE,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  used_at     timestamptz
);

CREATE TABLE audit_log (
  id     bigserial PRIMARY KEY,
  at     timestamptz NOT NULL,
  actor  text NOT NULL,
  action text NOT NULL,
  target text,
  before jsonb,
  after  jsonb
);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
END;
$$;
CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;
