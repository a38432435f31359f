import { describe, expect, it } from 'vitest';
import { freeTermCheck, normalizeOrganization } from '@shared/policy/billing';
import type { FreeTermUse } from '@shared/policy/billing';
import { fieldOfError } from './field-error';

const prior: FreeTermUse[] = [
  { accountId: 'acc-2', holderEmail: 'Dana@Example.com', organization: 'Globex Corporation', usedAt: '2025-06-01T10:00:00-04:00' },
  { accountId: 'acc-1', holderEmail: 'lee@acme.io', organization: 'ACME, Inc.', usedAt: '2024-03-01T00:00:00Z' },
  { accountId: 'acc-3', holderEmail: 'solo@example.org', organization: null, usedAt: '2025-01-01T00:00:00Z' },
];

describe('freeTermCheck', () => {
  it.each<[string, { holderEmail: string; organization?: string | null }, ReturnType<typeof freeTermCheck>]>([
    ['a new holder', { holderEmail: 'new@example.net', organization: 'Initech' }, { abuse: false }],
    [
      'same email, other case and spaces',
      { holderEmail: '  DANA@example.COM ' },
      { abuse: true, matches: [{ accountId: 'acc-2', by: 'email', usedAt: '2025-06-01T14:00:00.000Z' }] },
    ],
    [
      'same organization spelled differently',
      { holderEmail: 'other@acme.io', organization: 'Acme   Inc' },
      { abuse: true, matches: [{ accountId: 'acc-1', by: 'organization', usedAt: '2024-03-01T00:00:00.000Z' }] },
    ],
    [
      'organization with another legal suffix and punctuation',
      { holderEmail: 'x@globex.com', organization: 'globex corp.' },
      { abuse: true, matches: [{ accountId: 'acc-2', by: 'organization', usedAt: '2025-06-01T14:00:00.000Z' }] },
    ],
    [
      'email wins when both match; all matches, oldest first',
      { holderEmail: 'dana@example.com', organization: 'Acme LLC' },
      {
        abuse: true,
        matches: [
          { accountId: 'acc-1', by: 'organization', usedAt: '2024-03-01T00:00:00.000Z' },
          { accountId: 'acc-2', by: 'email', usedAt: '2025-06-01T14:00:00.000Z' },
        ],
      },
    ],
    ['an empty organization never matches', { holderEmail: 'z@z.io', organization: '' }, { abuse: false }],
    ['a punctuation-only organization never matches', { holderEmail: 'z@z.io', organization: ' ., ' }, { abuse: false }],
    ['no organization does not match a prior use without one', { holderEmail: 'z@z.io', organization: null }, { abuse: false }],
    ['a different organization sharing a word', { holderEmail: 'z@z.io', organization: 'Acme Rockets Inc' }, { abuse: false }],
  ])('%s', (_name, candidate, verdict) => {
    expect(freeTermCheck({ candidate, priorUses: prior })).toEqual(verdict);
  });

  it('with no prior uses there is no abuse', () => {
    expect(freeTermCheck({ candidate: { holderEmail: 'a@b.c' }, priorUses: [] })).toEqual({ abuse: false });
  });

  it.each<[string, () => unknown, string]>([
    ['empty candidate email', () => freeTermCheck({ candidate: { holderEmail: '  ' }, priorUses: [] }), 'candidate.holderEmail'],
    [
      'bad usedAt',
      () => freeTermCheck({ candidate: { holderEmail: 'a@b.c' }, priorUses: [{ ...prior[0]!, usedAt: 'last year' }] }),
      'priorUses[0].usedAt',
    ],
    ['priorUses not an array', () => freeTermCheck({ candidate: { holderEmail: 'a@b.c' }, priorUses: null as never }), 'priorUses'],
  ])('error: %s', (_name, fn, field) => {
    expect(fieldOfError(fn)).toBe(field);
  });
});

describe('normalizeOrganization', () => {
  it.each([
    ['ACME, Inc.', 'acme'],
    ['Acme Co., Ltd.', 'acme'],
    ['Acme L.L.C.', 'acme'],
    ['  Müller   GmbH ', 'muller'],
    ['Smith & Sons', 'smith and sons'],
    ['Smith and Sons, Incorporated', 'smith and sons'],
    ["O'Reilly Media", 'oreilly media'],
    ['The Company', 'the'],
    ['Inc', 'inc'],
    ['', ''],
    [null, ''],
  ])('%s -> %s', (input, normalized) => {
    expect(normalizeOrganization(input)).toBe(normalized);
  });
});
