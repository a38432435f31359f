import { FIRST_VERSION_EFFECTIVE_FROM } from '@shared/policy';

/**
 * Versioned workspace policies. `policies.versions` holds every version of a policy, oldest first
 * (number, effectiveFrom, summary, policy), and syncs with the policy row; `policies.policy` stays
 * the newest version's policy. Versions are only ever appended (src-backend/domain/policy-versions).
 * Each ticket records the version in force when it was created: the policies shipped so far become
 * version 1 of each, in force from the start, and every existing ticket runs under it. The column
 * keeps its default of 1 so that instances of the release before, during a rolling upgrade, still file
 * tickets (under version 1, the only one until someone replaces a policy: do that once they are gone).
 */
export const policyVersionsSchema = `
ALTER TABLE policies ADD COLUMN versions jsonb;
UPDATE policies SET versions = jsonb_build_array(jsonb_build_object(
  'number', 1, 'effectiveFrom', '${FIRST_VERSION_EFFECTIVE_FROM}', 'summary', jsonb_build_array('The first version'), 'policy', policy));
ALTER TABLE policies ALTER COLUMN versions SET NOT NULL;
ALTER TABLE policies ADD CONSTRAINT policies_versions_array CHECK (jsonb_typeof(versions) = 'array' AND jsonb_array_length(versions) >= 1);

ALTER TABLE tickets ADD COLUMN policy_version integer NOT NULL DEFAULT 1 CHECK (policy_version >= 1);
`;
