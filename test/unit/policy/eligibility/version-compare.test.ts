import { describe, expect, it } from 'vitest';
import { compareVersions, parseVersion } from '@shared/policy/eligibility';
import { PolicyInputError } from '@shared/policy/policy-input-error';

describe('compareVersions', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['2.10', '2.9', 1],
    ['2.9', '2.10', -1],
    ['2.1', '2.1.0', 0],
    ['v2.1.0', '2.1', 0],
    ['V3', '3.0.0', 0],
    ['1.2.3', '1.2.4', -1],
    ['10.0', '9.99.99', 1],
    ['3.0-beta', '3.0', -1],
    ['3.0.0-rc.1', '3.0.0', -1],
    ['3.0rc1', '3.0', -1],
    ['3.0-beta', '2.10', 1],
    ['3.0-alpha', '3.0-beta', -1],
    ['3.0-beta.2', '3.0-beta.11', -1],
    ['3.0-beta', '3.0-beta.1', -1],
    ['3.0-1', '3.0-alpha', -1],
    ['2.1.0+build.7', '2.1.0', 0],
    [' 2.4 ', '2.4', 0],
  ])('%s vs %s -> %i', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
    expect(compareVersions(b, a)).toBe(-expected || 0);
  });

  it.each(['', 'latest', '2.x', '2..1', 'v', '2.1 (build 5)', '-1.0', '3.0.rc1', '2.x.x'])('does not read %j as a version', (text) => {
    expect(parseVersion(text)).toBeNull();
    expect(() => compareVersions(text, '1.0')).toThrow(PolicyInputError);
  });

  it('parses the parts', () => {
    expect(parseVersion('v2.10.3-RC.1+sha.abc')).toEqual({ release: [2, 10, 3], preRelease: ['rc', '1'] });
    expect(parseVersion(null)).toBeNull();
  });
});
