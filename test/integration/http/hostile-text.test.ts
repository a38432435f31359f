import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as contract from '@shared/contract';
import { presets } from '@shared/policy';
import { endpoints as declared } from '@shared/contract/endpoints';
import type { Database } from '../../../src-backend/db/database';
import { formatFieldPath } from '../../../src-backend/http/validate-input';
import { stringFields, stringSlots, withValueAt, type StringField } from './request-string-fields';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

/**
 * Control characters, unpaired surrogates, noncharacters and invisible-only text sent into every
 * string field of every request body, on both databases: each is refused with 400 naming the field,
 * and nothing is written. Ordinary text (emoji, accents, CJK, right-to-left, tabs and line breaks in
 * bodies) still goes through and is stored as sent.
 */

interface Endpoint {
  name: string;
  /** POST unless said otherwise. */
  method?: 'PUT';
  token: 'admin' | 'ana';
  path(ticketId: string): string;
  schema: z.ZodType;
  /** A valid request that fills in every string field (optional ones too). */
  example(ticketId: string): unknown;
}

const endpoints: Endpoint[] = [
  {
    name: 'POST /v1/portal/tickets',
    token: 'admin',
    path: () => '/v1/portal/tickets',
    schema: contract.fileTicketSchema,
    example: () => ({
      accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Checkout fails',
      body: 'Since this morning.', productId: 'prod-shop', productVersion: '4.2.0',
    }),
  },
  {
    name: 'POST /v1/portal/tickets/:id/messages',
    token: 'admin',
    path: (ticketId) => `/v1/portal/tickets/${ticketId}/messages`,
    schema: contract.customerMessageSchema,
    example: () => ({ body: 'It still fails.' }),
  },
  {
    name: 'POST /v1/portal/tickets/:id/login-details',
    token: 'admin',
    path: (ticketId) => `/v1/portal/tickets/${ticketId}/login-details`,
    schema: contract.submitLoginDetailSchema,
    example: () => ({ label: 'Shop admin', secret: 'hunter2' }),
  },
  {
    name: 'POST /v1/admin/engineers',
    token: 'admin',
    path: () => '/v1/admin/engineers',
    schema: contract.addEngineerSchema,
    example: () => ({ name: 'Rosa Park', email: 'rosa@vendor.test' }),
  },
  {
    name: 'POST /v1/admin/tokens',
    token: 'admin',
    path: () => '/v1/admin/tokens',
    schema: contract.issueTokenSchema,
    example: () => ({ role: 'engineer', engineerId: 'eng-ana', label: 'Ana’s laptop', expiresAt: '2099-01-01T00:00:00.000Z' }),
  },
  {
    name: 'POST /v1/admin/sign-in-codes',
    token: 'admin',
    path: () => '/v1/admin/sign-in-codes',
    schema: contract.issueSignInCodeSchema,
    example: () => ({ engineerId: 'eng-ana' }),
  },
  {
    name: 'POST /v1/session/exchange',
    token: 'ana',
    path: () => '/v1/session/exchange',
    schema: contract.exchangeSignInCodeSchema,
    example: () => ({ code: 'ABCDE-FGHJK' }),
  },
  {
    name: 'POST /v1/mutations',
    token: 'ana',
    path: () => '/v1/mutations',
    schema: contract.mutationBatchSchema,
    example: (ticketId) => {
      const base = (n: number) => ({ idempotencyKey: `hostile-${ticketId}-${n}`, ticketId });
      return {
        mutations: [
          { kind: 'claim', ...base(1) },
          { kind: 'reply', ...base(2), body: 'Fixed in 4.2.1.' },
          { kind: 'note', ...base(3), body: 'Customer runs PHP 8.' },
          { kind: 'checklist-answer', ...base(4), item: 'code-not-customized', value: true },
          { kind: 'category', ...base(5), categoryId: 'product-defect' },
          { kind: 'status', ...base(6), status: 'pending' },
          { kind: 'purge-login-detail', ...base(7), loginDetailId: 'ld-none' },
          { kind: 'unclaim', ...base(8) },
        ],
      };
    },
  },
  {
    name: 'PUT /v1/admin/policy',
    method: 'PUT',
    token: 'admin',
    path: () => '/v1/admin/policy',
    schema: contract.policyReplacementSchema,
    example: () => {
      const policy = presets.planSla();
      // Every kind of holiday rule, so that each name field is reached.
      return { effectiveFrom: '2030-01-01T00:00:00.000Z', policy: { ...policy, calendar: { ...policy.calendar, holidays: [...policy.calendar.holidays, { kind: 'date', name: 'Office move', date: '2030-06-03' }] } } };
    },
  },
];

/** Characters no text may hold, placed inside an otherwise valid value. */
const NEVER_TEXT: Array<[string, string, RegExp]> = [
  ['NUL', '\u0000', /U\+0000 \(a control character\)/],
  ...['\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0080', '\u0085', '\u009b', '\u009f'].map(
    (c): [string, string, RegExp] => [`control ${code(c)}`, c, new RegExp(`${code(c).replace('+', '\\+')} \\(a control character\\)`)],
  ),
  ['an ANSI colour sequence', '\u001b[31m', /U\+001B \(a control character\)/],
  ['a lone high surrogate', '\ud800', /U\+D800 \(an unpaired surrogate\)/],
  ['a lone low surrogate', '\udfff', /U\+DFFF \(an unpaired surrogate\)/],
  ['a surrogate pair in the wrong order', '\udc00\ud800', /U\+DC00 \(an unpaired surrogate\)/],
  ...['\ufffe', '\uffff', '\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}'].map(
    (c): [string, string, RegExp] => [`noncharacter ${code(c)}`, c, new RegExp(`${code(c).replace('+', '\\+')} \\(a noncharacter\\)`)],
  ),
];

/** Fine in a message body, refused in a subject, a name or a label. */
const LINE_BREAKS: Array<[string, string]> = [
  ['LF', '\n'],
  ['CR', '\r'],
  ['CRLF', '\r\n'],
  ['TAB', '\t'],
  ['U+2028', '\u2028'],
  ['U+2029', '\u2029'],
];

/** Values with nothing a reader can see. */
const INVISIBLE_ONLY: string[] = [
  '\u200b', '\u200b\u200c\u200d', '\u2060\u2060', '\ufeff', '\u00ad', '\u180e', '\u200e\u200f', '\u202a\u202e\u202c',
  '\u2066\u2067\u2068\u2069', '\u061c', '\ufe0f', '\u{e0100}', '\u{e0041}\u{e007f}', '\u034f', '\u0301\u0308',
  '\u3000', '\u00a0\u2007\u202f', '\u1680\u205f', '\u3164', '\u115f\u1160', '\uffa0', '\u2800\u2800', '\u17b4', '\u2062\u2063',
  ' \u200b \u2060 ',
];

/**
 * Text people write: accents, emoji (a ZWJ sequence, a flag), CJK, Arabic and Hebrew, a bidi mark
 * between words. Short enough for the shortest text field (a product version, 50 characters).
 */
const ORDINARY_LINE = 'Café ☕ Ωμέγα 日本語 한국어 مرحبا שלום \u200f(א)\u200f 👩‍💻🇧🇷';
const ORDINARY_BODY = `Hello,\r\n\tthe checkout fails 😀 since 4.2:\n\n\t• ${ORDINARY_LINE}\n\tline one\u2028line two\n\nThanks,\n— Zoë`;

/** `example` with ordinary text in every free-text field. */
function withOrdinaryText(schema: z.ZodType, example: unknown): unknown {
  let body = example;
  for (const field of stringFields(schema, example)) {
    if (field.type.kind === 'text') body = withValueAt(body, field.path, field.type.lines === 'multi' ? ORDINARY_BODY : ORDINARY_LINE);
  }
  return body;
}

function code(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function inside(value: string, bad: string): string {
  return `${value.slice(0, 1)}${bad}${value.slice(1)}`;
}

interface Probe {
  label: string;
  value: string;
  message: RegExp | null;
}

/**
 * What `field` must refuse: what no field takes, line breaks unless it is multi-line text, values
 * with nothing visible. Free text gets every probe and the rule's own message; a field with a
 * format of its own (an id, a key) refuses by that format, so a sample of each kind is enough.
 */
function probesFor(field: StringField): Probe[] {
  const text = field.type.kind === 'text';
  const sample = <T>(list: T[]): T[] => (text ? list : list.filter((_, i) => i % 4 === 0));
  const probes: Probe[] = sample(NEVER_TEXT).map(([label, bad, message]) => ({ label, value: inside(field.value, bad), message: text ? message : null }));
  if (!(field.type.kind === 'text' && field.type.lines === 'multi')) {
    for (const [label, bad] of sample(LINE_BREAKS)) probes.push({ label, value: inside(field.value, bad), message: text ? /single line/ : null });
  }
  for (const value of sample(INVISIBLE_ONLY)) {
    probes.push({ label: `invisible-only ${JSON.stringify(value)}`, value, message: text ? /must (contain visible text|not be empty)/ : null });
  }
  return probes;
}

/** Rows in every table, and the change log's last sequence number: any write moves one of them. */
async function footprint(db: Database): Promise<Record<string, number>> {
  const tables = await db.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  const counts = tables.rows.map(({ name }) => `(SELECT count(*)::int FROM "${name}") AS "${name}"`);
  const result = await db.query<Record<string, number>>(`SELECT ${counts.join(', ')}, (SELECT coalesce(max(seq), 0)::int FROM changes) AS last_change`);
  return result.rows[0] as Record<string, number>;
}

describe('hostile text: the table covers every request body', () => {
  it('has an endpoint for every declared endpoint that reads a body', () => {
    // A CSV body (the billing import) is text in rows: its fields meet the same rule, row by row (billing-import.test.ts).
    const withBody = Object.values(declared).filter((e) => 'body' in e && !('textBody' in e));
    expect(withBody.length).toBeGreaterThan(0);
    for (const endpoint of withBody) {
      const schema = (endpoint as { body: z.ZodType }).body;
      expect(endpoints.some((e) => e.schema === schema), `${endpoint.name} reads a body: add its endpoint to the table in hostile-text.test.ts`).toBe(true);
    }
  });

  it.each(endpoints)('$name: every string is text or has a format, and the example fills in each one', ({ schema, example }) => {
    const reached = new Set(stringFields(schema, example('tk-1')).map((f) => f.slot));
    for (const { slot, type } of stringSlots(schema)) {
      expect(type.kind, `${slot} is a plain string: build it with singleLineText / multiLineText (src-shared/contract/text.ts) or give it a format`).not.toBe('plain');
      expect(reached.has(slot), `no example request fills in ${slot}: add it to the example in hostile-text.test.ts`).toBe(true);
    }
  });
});

forEachDatabase('hostile text', (target) => {
  let t: TestServer;
  let ticketId: string;
  beforeAll(async () => {
    t = await startTestServer({ target });
    const filed = await call(t.url, 'POST', '/v1/portal/tickets', { token: t.tokens.admin, body: endpoints[0]?.example('') });
    ticketId = contract.ticketRowSchema.parse(filed.json).id;
  }, 60_000);
  afterAll(() => t.stop());

  describe('ordinary text still goes through, stored as sent', () => {
    const endpoint = (name: string) => endpoints.find((e) => e.name === name) as Endpoint;
    const send = (e: Endpoint, token = t.tokens[e.token]) => call(t.url, 'POST', e.path(ticketId), { token, body: withOrdinaryText(e.schema, e.example(ticketId)) });
    const bodiesOf = async (id: string) => (await t.db.query<{ body: string }>('SELECT body FROM messages WHERE ticket_id = $1', [id])).rows.map((r) => r.body);

    it('filing a ticket', async () => {
      const { status, json } = await send(endpoint('POST /v1/portal/tickets'));
      expect(status, JSON.stringify(json)).toBe(201);
      const ticket = contract.ticketRowSchema.parse(json);
      expect(ticket).toMatchObject({ subject: ORDINARY_LINE, requesterName: ORDINARY_LINE, productVersion: ORDINARY_LINE });
      expect(await bodiesOf(ticket.id)).toEqual([ORDINARY_BODY]);
    });

    it('a customer message', async () => {
      const { status, json } = await send(endpoint('POST /v1/portal/tickets/:id/messages'));
      expect(status, JSON.stringify(json)).toBe(201);
      expect(contract.messageRowSchema.parse(json).body).toBe(ORDINARY_BODY);
    });

    it('a login detail, its secret kept exactly (spaces at the ends too)', async () => {
      const e = endpoint('POST /v1/portal/tickets/:id/login-details');
      const secret = `  ${ORDINARY_BODY}\t `;
      const submitted = await call(t.url, 'POST', e.path(ticketId), { token: t.tokens.admin, body: { label: ORDINARY_LINE, secret } });
      expect(submitted.status, JSON.stringify(submitted.json)).toBe(201);
      const row = contract.loginDetailRowSchema.parse(submitted.json);
      expect(row.label).toBe(ORDINARY_LINE);
      const claim = { kind: 'claim', idempotencyKey: `claim-${row.id}`, ticketId };
      expect((await call(t.url, 'POST', '/v1/mutations', { token: t.tokens.ana, body: { mutations: [claim] } })).status).toBe(200);
      const revealed = await call(t.url, 'POST', `/v1/login-details/${row.id}/reveal`, { token: t.tokens.ana, body: {} });
      expect(contract.revealedLoginDetailSchema.parse(revealed.json)).toMatchObject({ label: ORDINARY_LINE, secret });
    });

    it('a policy replacement: names, labels and keywords', async () => {
      const policy = presets.planSla();
      const [first, ...others] = policy.scope.categories;
      const named = {
        ...policy,
        name: ORDINARY_LINE,
        plans: policy.plans.map((plan) => ({ ...plan, name: ORDINARY_LINE })),
        calendar: { ...policy.calendar, holidays: [...policy.calendar.holidays, { kind: 'fixed', name: ORDINARY_LINE, month: 3, day: 8 }] },
        scope: { ...policy.scope, categories: [{ ...first, label: ORDINARY_LINE, keywords: [ORDINARY_LINE] }, ...others] },
      };
      const { status, json } = await call(t.url, 'PUT', '/v1/admin/policy', { token: t.tokens.admin, body: { effectiveFrom: 'now', policy: named } });
      expect(status, JSON.stringify(json)).toBe(200);
      const stored = contract.policyReplacedSchema.parse(json).version.policy;
      expect(stored.name).toBe(ORDINARY_LINE);
      expect(stored.calendar.holidays.at(-1)?.name).toBe(ORDINARY_LINE);
      expect(stored.scope.categories[0]).toMatchObject({ label: ORDINARY_LINE, keywords: [ORDINARY_LINE] });
    });

    it('replies and notes; a category id of ordinary text is judged against the workspace, not refused', async () => {
      const before = await bodiesOf(ticketId);
      const { status, json } = await send(endpoint('POST /v1/mutations'));
      expect(status, JSON.stringify(json)).toBe(200);
      const results = contract.mutationBatchResponseSchema.parse(json).results;
      expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'ok', 'ok', 'ok', 'invalid', 'ok', 'not-found', 'ok']);
      expect(await bodiesOf(ticketId)).toEqual(expect.arrayContaining([...before, ORDINARY_BODY, ORDINARY_BODY]));
      expect((await bodiesOf(ticketId)).length).toBe(before.length + 2);
    });
  });

  describe.each(endpoints)('$name', (endpoint) => {
    // Some forty requests at once: generous for a loaded machine, not a measure of speed.
    it.each(stringFields(endpoint.schema, endpoint.example('tk-1')))('$slot: 400 naming the field, nothing written', { timeout: 30_000 }, async (field) => {
      const expectedField = formatFieldPath(field.path);
      const before = await footprint(t.db);
      const answers = await Promise.all(
        probesFor(field).map(async (probe) => {
          const body = withValueAt(endpoint.example(ticketId), field.path, probe.value);
          const { status, json } = await call(t.url, endpoint.method ?? 'POST', endpoint.path(ticketId), { token: t.tokens[endpoint.token], body });
          const error = status === 400 ? contract.apiErrorSchema.parse(json).error : null;
          const ok = error !== null && error.field === expectedField && (probe.message === null || probe.message.test(error.message));
          return ok ? null : `${probe.label}: ${status} ${JSON.stringify(json)}`;
        }),
      );
      expect(answers.filter((a) => a !== null), `${endpoint.name} ${expectedField}`).toEqual([]);
      expect(await footprint(t.db)).toEqual(before);
    });
  });
});
