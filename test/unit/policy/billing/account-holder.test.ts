import { describe, expect, it } from 'vitest';
import { requesterIsAccountHolder } from '@shared/policy/billing';
import { fieldOfError } from './field-error';

describe('requesterIsAccountHolder', () => {
  it.each([
    ['same address', 'lee@acme.io', 'lee@acme.io', true],
    ['case and spaces differ', ' Lee@ACME.io ', 'lee@acme.io', true],
    ['a colleague', 'sam@acme.io', 'lee@acme.io', false],
    ['plus-addressing is another address', 'lee+support@acme.io', 'lee@acme.io', false],
    ['no requester email', '', 'lee@acme.io', false],
  ])('%s', (_name, requesterEmail, holderEmail, expected) => {
    expect(requesterIsAccountHolder({ requesterEmail, holderEmail })).toBe(expected);
  });

  it.each<[string, () => unknown, string]>([
    ['empty holder', () => requesterIsAccountHolder({ requesterEmail: 'a@b.c', holderEmail: ' ' }), 'holderEmail'],
    ['requester not a string', () => requesterIsAccountHolder({ requesterEmail: null as never, holderEmail: 'a@b.c' }), 'requesterEmail'],
  ])('error: %s', (_name, fn, field) => {
    expect(fieldOfError(fn)).toBe(field);
  });
});
