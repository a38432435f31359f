/**
 * Normalized identities of an account holder, so that the once-per-holder and holder-only rules
 * are not dodged by capitalisation, stray spaces or a different spelling of the company's legal form.
 */

/** Trimmed, lower-cased email ('' when absent). Mailbox tricks such as plus-addressing are kept: they are different addresses. */
export function normalizeEmail(email: string | null | undefined): string {
  return (email ?? '').normalize('NFKC').trim().toLowerCase();
}

/** Legal-form words that do not distinguish one organization from another. */
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'llc', 'llp', 'lp', 'ltd', 'limited', 'gmbh', 'mbh', 'ag', 'kg', 'corp', 'corporation',
  'co', 'company', 'plc', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'oy', 'ab', 'as', 'pty', 'pvt', 'kk',
]);

/**
 * Lower-case words of the organization name with diacritics, punctuation and trailing legal
 * suffixes removed: "ACME, Inc." and "Acme Co. Ltd" both become "acme". Dots and apostrophes join
 * (so "L.L.C." is "llc"); "&" reads as "and". A name that is only a suffix keeps its last word.
 */
export function normalizeOrganization(organization: string | null | undefined): string {
  const words = (organization ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  while (words.length > 1 && LEGAL_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}
