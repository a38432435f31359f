/**
 * The high-water mark gets the id of the ticket it stands at, so a run continues after it rather
 * than re-reading every ticket of the mark's second (a bulk import puts hundreds in one second).
 * One mirror at a time across every instance on the database: a run holds the connector's lease
 * (who, until when) and extends it with each ticket it applies; an instance that died mid-run
 * leaves a lease that simply runs out, and the next run resumes from the high-water mark.
 */
export const mirrorLeaseSchema = `
ALTER TABLE connector_state ADD COLUMN high_water_id text;
ALTER TABLE connector_state ADD COLUMN mirror_holder text;
ALTER TABLE connector_state ADD COLUMN mirror_lease_until timestamptz;
`;
