/**
 * When the current attempt of a pending write-back started. A request that finds the row pending
 * and an attempt younger than the lease leaves it to that attempt (it may be posting to the
 * helpdesk right now); an older or ended attempt (a crash, the helpdesk unreachable) is taken
 * over, asking the helpdesk first whether the action already happened.
 */
export const writebackAttemptsSchema = `
ALTER TABLE connector_writebacks ADD COLUMN attempt_started_at timestamptz;
`;
