/**
 * One mirror at a time across every instance on the database: a run holds the connector's lease
 * (who, until when) and extends it with each ticket it applies; an instance that died mid-run
 * leaves a lease that simply runs out, and the next run resumes from the high-water mark.
 */
export const mirrorLeaseSchema = `
ALTER TABLE connector_state ADD COLUMN mirror_holder text;
ALTER TABLE connector_state ADD COLUMN mirror_lease_until timestamptz;
`;
