/**
 * A helpdesk behind the support center. `connector_state` keeps one row per connector: the
 * high-water mark the mirror resumes from (the helpdesk's last-updated instant of the newest ticket
 * mirrored whole) and what operations wants to see. `connector_tickets` links each mirrored ticket
 * to the helpdesk's; `connector_entries` holds every helpdesk transaction already mirrored (or
 * produced by a write-back), so a transaction read twice (the mirror overlaps its mark, the
 * helpdesk's instants have one-second resolution) is applied once. `connector_users` links helpdesk
 * users to engineers and accounts. `connector_writebacks` records, per engineer and idempotency
 * key, the helpdesk transaction an action produced: the write-back records it in the same
 * transaction as the action's outcome, so a retry never posts twice.
 */
export const helpdeskConnectorSchema = `
CREATE TABLE connector_state (
  connector        text PRIMARY KEY,
  high_water       timestamptz,
  last_mirror_at   timestamptz,
  last_error       text,
  last_error_at    timestamptz,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE connector_tickets (
  connector    text NOT NULL,
  external_id  text NOT NULL,
  ticket_id    text NOT NULL UNIQUE REFERENCES tickets (id) ON DELETE CASCADE,
  external_updated_at timestamptz,
  PRIMARY KEY (connector, external_id)
);

CREATE TABLE connector_entries (
  connector    text NOT NULL,
  external_id  text NOT NULL,
  ticket_id    text REFERENCES tickets (id) ON DELETE CASCADE,
  message_id   text,
  PRIMARY KEY (connector, external_id)
);
CREATE INDEX connector_entries_ticket ON connector_entries (ticket_id);

CREATE TABLE connector_users (
  connector    text NOT NULL,
  external_id  text NOT NULL,
  email        text,
  engineer_id  text REFERENCES engineers (id) ON DELETE SET NULL,
  account_id   text REFERENCES accounts (id) ON DELETE SET NULL,
  PRIMARY KEY (connector, external_id)
);

CREATE TABLE connector_writebacks (
  connector        text NOT NULL,
  engineer_id      text NOT NULL,
  idempotency_key  text NOT NULL,
  ticket_id        text NOT NULL,
  kind             text NOT NULL,
  state            text NOT NULL CHECK (state IN ('pending', 'delivered', 'refused')),
  -- The newest helpdesk transaction of the ticket before the attempt: a retry after a crash looks
  -- after it for the transaction the attempt may have made.
  before_external_id text,
  external_id      text,
  reason           text,
  created_at       timestamptz NOT NULL,
  settled_at       timestamptz,
  PRIMARY KEY (engineer_id, idempotency_key)
);
CREATE INDEX connector_writebacks_pending ON connector_writebacks (created_at) WHERE state = 'pending';
`;
