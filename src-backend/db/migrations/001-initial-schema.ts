/**
 * The initial schema. Every synced table carries `version`: the sequence number of the change that
 * last wrote the row (see changes). Instants are timestamptz; the API writes them as ISO UTC.
 */
export const initialSchema = `
CREATE SEQUENCE change_seq;

-- The change log that sync pages are read from. txid is the writing transaction: pages are served
-- in (txid, seq) order and only below the oldest transaction still running, so a change committed
-- late by a concurrent transaction is never skipped (see docs/api.md, "Cursors").
CREATE TABLE changes (
  seq        bigint PRIMARY KEY,
  txid       xid8 NOT NULL DEFAULT pg_current_xact_id(),
  entity     text NOT NULL,
  entity_id  text NOT NULL,
  account_id text,
  op         text NOT NULL CHECK (op IN ('upsert', 'delete', 'purge'))
);
CREATE INDEX changes_position ON changes (txid, seq);
CREATE INDEX changes_account ON changes (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE policies (
  id      text PRIMARY KEY,
  policy  jsonb NOT NULL,
  version bigint NOT NULL
);

CREATE TABLE engineers (
  id      text PRIMARY KEY,
  name    text NOT NULL,
  email   text NOT NULL UNIQUE,
  version bigint NOT NULL
);

-- Tokens are stored as SHA-256 hashes; the plaintext is shown once, when it is issued.
CREATE TABLE api_tokens (
  token_hash  text PRIMARY KEY,
  engineer_id text REFERENCES engineers (id) ON DELETE CASCADE,
  role        text NOT NULL CHECK (role IN ('engineer', 'admin')),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'engineer') = (engineer_id IS NOT NULL))
);

CREATE TABLE accounts (
  id           text PRIMARY KEY,
  holder_name  text NOT NULL,
  holder_email text NOT NULL,
  organization text,
  status       text NOT NULL CHECK (status IN ('active', 'terminated')),
  version      bigint NOT NULL
);

CREATE TABLE products (
  id                    text PRIMARY KEY,
  name                  text NOT NULL,
  latest_stable_version text NOT NULL,
  discontinued          boolean NOT NULL,
  version               bigint NOT NULL
);

CREATE TABLE subscriptions (
  id                  text PRIMARY KEY,
  account_id          text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  policy_id           text NOT NULL REFERENCES policies (id),
  initial_plan        text NOT NULL,
  plan                text NOT NULL,
  monthly_price_cents integer NOT NULL CHECK (monthly_price_cents >= 0),
  anchor              timestamptz NOT NULL,
  time_zone           text NOT NULL,
  changes             jsonb NOT NULL DEFAULT '[]',
  pending_downgrade   jsonb,
  cancel_requested_at timestamptz,
  cancel_at           timestamptz,
  free_term           jsonb,
  entitlement_events  jsonb NOT NULL DEFAULT '[]',
  entitlement_windows jsonb NOT NULL DEFAULT '[]',
  version             bigint NOT NULL
);
CREATE INDEX subscriptions_account ON subscriptions (account_id);

CREATE SEQUENCE ticket_number_seq START 1001;

CREATE TABLE tickets (
  id                    text PRIMARY KEY,
  number                bigint NOT NULL UNIQUE,
  account_id            text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  subscription_id       text REFERENCES subscriptions (id) ON DELETE SET NULL,
  policy_id             text NOT NULL REFERENCES policies (id),
  requester_name        text NOT NULL,
  requester_email       text NOT NULL,
  subject               text NOT NULL,
  created_at            timestamptz NOT NULL,
  urgent                boolean NOT NULL,
  source                text NOT NULL,
  product_id            text REFERENCES products (id),
  product_version       text,
  status                text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'solved', 'closed')),
  assignee_id           text REFERENCES engineers (id) ON DELETE SET NULL,
  plan                  text,
  due_at                timestamptz,
  first_staff_reply_at  timestamptz,
  sla_outcome           text CHECK (sla_outcome IN ('met', 'breached')),
  category_id           text,
  checklist_answers     jsonb NOT NULL DEFAULT '{}',
  eligibility           jsonb,
  updated_at            timestamptz NOT NULL,
  version               bigint NOT NULL
);
CREATE INDEX tickets_account ON tickets (account_id);
CREATE INDEX tickets_open ON tickets (id) WHERE status IN ('new', 'open', 'pending');
CREATE INDEX tickets_unreplied_due ON tickets (due_at) WHERE first_staff_reply_at IS NULL;

CREATE TABLE messages (
  id          text PRIMARY KEY,
  ticket_id   text NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  account_id  text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  author_kind text NOT NULL CHECK (author_kind IN ('customer', 'staff', 'system')),
  author_id   text,
  author_name text NOT NULL,
  public      boolean NOT NULL,
  body        text NOT NULL,
  created_at  timestamptz NOT NULL,
  version     bigint NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);
CREATE INDEX messages_account ON messages (account_id);

-- Customer login details: AES-256-GCM ciphertext only; the key lives in configuration, never here.
CREATE TABLE login_details (
  id           text PRIMARY KEY,
  ticket_id    text NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
  account_id   text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  label        text NOT NULL,
  ciphertext   bytea NOT NULL,
  iv           bytea NOT NULL,
  auth_tag     bytea NOT NULL,
  submitted_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  version      bigint NOT NULL
);
CREATE INDEX login_details_expiry ON login_details (expires_at);
CREATE INDEX login_details_ticket ON login_details (ticket_id);

-- Who revealed which login detail when; kept after the detail itself is gone.
CREATE TABLE reveal_audit (
  id              bigserial PRIMARY KEY,
  login_detail_id text NOT NULL,
  engineer_id     text NOT NULL,
  ticket_id       text NOT NULL,
  outcome         text NOT NULL CHECK (outcome IN ('revealed', 'refused')),
  at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE credits (
  id              text PRIMARY KEY,
  account_id      text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  subscription_id text NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
  ticket_id       text NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
  cents           integer NOT NULL CHECK (cents >= 0),
  lateness_ms     bigint NOT NULL,
  due_at          timestamptz NOT NULL,
  replied_at      timestamptz NOT NULL,
  cycle_start     timestamptz NOT NULL,
  cycle_end       timestamptz NOT NULL,
  applies_at      timestamptz NOT NULL,
  version         bigint NOT NULL
);
CREATE INDEX credits_account ON credits (account_id);

-- One row per engineer action ever applied: a repeated key answers with the stored result.
CREATE TABLE idempotency_keys (
  key         text PRIMARY KEY,
  engineer_id text NOT NULL,
  result      jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
`;
