/**
 * The first sync sends the accounts and subscriptions of open tickets before anything else of
 * history (src-backend/sync/initial-ranks.ts): finding them is an index probe per account.
 */
export const firstSyncOrderSchema = `
CREATE INDEX tickets_open_account ON tickets (account_id) WHERE status IN ('new', 'open', 'pending');
`;
