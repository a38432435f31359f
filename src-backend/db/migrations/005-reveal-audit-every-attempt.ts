/**
 * The reveal audit records every attempt, not only those on a detail that still exists: an unknown
 * or purged id (no ticket to name), a detail past its 30 days, and an admin token (no engineer).
 * Only widens what the table accepts, so instances of the release before keep writing to it.
 */
export const revealAuditEveryAttemptSchema = `
ALTER TABLE reveal_audit ALTER COLUMN engineer_id DROP NOT NULL;
ALTER TABLE reveal_audit ALTER COLUMN ticket_id DROP NOT NULL;
ALTER TABLE reveal_audit ADD COLUMN caller_role text NOT NULL DEFAULT 'engineer' CHECK (caller_role IN ('engineer', 'admin'));
ALTER TABLE reveal_audit ADD CONSTRAINT reveal_audit_engineer_named CHECK ((caller_role = 'engineer') = (engineer_id IS NOT NULL));
ALTER TABLE reveal_audit DROP CONSTRAINT reveal_audit_outcome_check;
ALTER TABLE reveal_audit ADD CONSTRAINT reveal_audit_outcome_check CHECK (outcome IN ('revealed', 'refused', 'not-found', 'expired'));
`;
