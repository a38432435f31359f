/**
 * When the lease of a pending write-back's current attempt ends. A request (or a mirror run) that
 * finds the row pending and its lease running leaves it to that attempt (it may be posting to the
 * helpdesk right now); an older or ended attempt (a crash, the helpdesk unreachable) is taken
 * over, asking the helpdesk first whether the action already happened. A new action on a ticket
 * waits while another one's attempt on it runs: the index finds those.
 */
export const writebackAttemptsSchema = `
ALTER TABLE connector_writebacks ADD COLUMN attempt_until timestamptz;
CREATE INDEX connector_writebacks_ticket_pending ON connector_writebacks (ticket_id) WHERE state = 'pending';
`;
