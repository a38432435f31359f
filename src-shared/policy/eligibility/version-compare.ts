import { PolicyInputError } from '../policy-input-error';

/** A product version split into its numeric release and an optional pre-release tag. */
export interface ParsedVersion {
  release: number[];
  /** Dot-separated pre-release identifiers (`beta.2` -> ['beta', '2']); empty for a release. */
  preRelease: string[];
}

// Release numbers, then an optional pre-release tag (`-rc.1`, `-beta2`, `rc1`), then ignored build metadata.
const VERSION = /^v?(\d+(?:\.\d+)*)(?:-?([0-9a-z]+(?:[.-][0-9a-z]+)*))?(?:\+[0-9a-z.-]*)?$/i;

/**
 * Parses versions as customers type them ('v2.10', '2.1.0-beta.2', '3.0rc1'); null when it is not a
 * version, including wildcards like '2.x' that do not say what is installed.
 */
export function parseVersion(text: string | null | undefined): ParsedVersion | null {
  if (typeof text !== 'string') return null;
  const m = VERSION.exec(text.trim());
  if (m === null || m[1] === undefined) return null;
  const release = m[1].split('.').map(Number);
  if (release.some((n) => !Number.isSafeInteger(n))) return null;
  return { release, preRelease: m[2] === undefined ? [] : m[2].toLowerCase().split(/[.-]/) };
}

/**
 * Numeric, not lexical: '2.10' is newer than '2.9', and '2.1' equals '2.1.0'. A pre-release is
 * older than its release, so '3.0-beta' is not yet '3.0'. Throws for text that is not a version.
 */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = parseVersion(a);
  if (left === null) throw new PolicyInputError('a', a, 'expected a dotted version number such as 2.10.1');
  const right = parseVersion(b);
  if (right === null) throw new PolicyInputError('b', b, 'expected a dotted version number such as 2.10.1');
  return compareParsedVersions(left, right);
}

export function compareParsedVersions(a: ParsedVersion, b: ParsedVersion): -1 | 0 | 1 {
  const length = Math.max(a.release.length, b.release.length);
  for (let i = 0; i < length; i += 1) {
    const d = (a.release[i] ?? 0) - (b.release[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.preRelease.length === 0 || b.preRelease.length === 0) {
    return sign(b.preRelease.length - a.preRelease.length);
  }
  return comparePreRelease(a.preRelease, b.preRelease);
}

/** Semantic-versioning precedence: numbers numerically, below words; a longer tag is newer. */
function comparePreRelease(a: string[], b: string[]): -1 | 0 | 1 {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i] as string;
    const y = b[i] as string;
    const xNum = /^\d+$/.test(x);
    const yNum = /^\d+$/.test(y);
    if (xNum && yNum && Number(x) !== Number(y)) return sign(Number(x) - Number(y));
    if (xNum !== yNum) return xNum ? -1 : 1;
    if (!xNum && x !== y) return x < y ? -1 : 1;
  }
  return sign(a.length - b.length);
}

function sign(n: number): -1 | 0 | 1 {
  return n < 0 ? -1 : n > 0 ? 1 : 0;
}
