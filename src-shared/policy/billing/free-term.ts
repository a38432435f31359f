import { formatInstant, parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { normalizeEmail, normalizeOrganization } from './holder-identity';

export interface FreeTermCandidate {
  holderEmail: string;
  organization?: string | null;
}

export interface FreeTermUse {
  accountId: string;
  holderEmail: string;
  organization?: string | null;
  usedAt: string;
}

export interface FreeTermMatch {
  accountId: string;
  /** Why this earlier use counts as the same holder; `email` wins when both match. */
  by: 'email' | 'organization';
  /** ISO UTC instant of that earlier use. */
  usedAt: string;
}

export type FreeTermVerdict = { abuse: false } | { abuse: true; matches: FreeTermMatch[] };

function matchOf(candidateEmail: string, candidateOrg: string, use: FreeTermUse, i: number): FreeTermMatch | null {
  const usedAt = formatInstant(parseInstant(use.usedAt, `priorUses[${i}].usedAt`));
  if (candidateEmail !== '' && normalizeEmail(use.holderEmail) === candidateEmail) {
    return { accountId: use.accountId, by: 'email', usedAt };
  }
  // An unknown organization is not evidence: two holders without one are not the same holder.
  if (candidateOrg !== '' && normalizeOrganization(use.organization) === candidateOrg) {
    return { accountId: use.accountId, by: 'organization', usedAt };
  }
  return null;
}

/**
 * The free Silver term of a first-time purchase is usable once per account holder: a candidate
 * whose email or organization matches an earlier use is flagged, with every earlier use that
 * matched (oldest first). `priorUses` must not include the candidate's own use being checked.
 */
export function freeTermCheck(args: { candidate: FreeTermCandidate; priorUses: FreeTermUse[] }): FreeTermVerdict {
  if (typeof args.candidate?.holderEmail !== 'string' || normalizeEmail(args.candidate.holderEmail) === '') {
    throw new PolicyInputError('candidate.holderEmail', args.candidate?.holderEmail, 'expected the account holder email');
  }
  if (!Array.isArray(args.priorUses)) throw new PolicyInputError('priorUses', args.priorUses, 'expected an array');
  const email = normalizeEmail(args.candidate.holderEmail);
  const org = normalizeOrganization(args.candidate.organization);
  const matches = args.priorUses
    .map((use, i) => matchOf(email, org, use, i))
    .filter((m): m is FreeTermMatch => m !== null)
    .sort((a, b) => parseInstant(a.usedAt, 'usedAt') - parseInstant(b.usedAt, 'usedAt'));
  return matches.length === 0 ? { abuse: false } : { abuse: true, matches };
}
