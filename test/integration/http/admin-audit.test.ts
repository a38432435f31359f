import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditListSchema, issuedTokenSchema, type AuditEntry } from '@shared/contract';
import { adminEndpoints } from '@shared/contract/endpoints/admin';
import { presets } from '@shared/policy';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

interface Exercise {
  /** The audit action it must leave: `<thing>.<verb>`. */
  action: string;
  /** A call that succeeds; the path with its parameters filled in. */
  request(t: TestServer): Promise<{ path: string; body?: unknown; headers?: Record<string, string> }>;
  /** What the entry must say besides who and what. */
  entry: Partial<AuditEntry>;
}

/** One successful call for each `/v1/admin` endpoint that changes something. */
const exercises: Record<string, Exercise> = {
  terminateAccount: {
    action: 'account.terminate',
    request: async () => ({ path: '/v1/admin/accounts/acc-gold/terminate' }),
    entry: { target: 'acc-gold', before: expect.objectContaining({ status: 'active', subscriptions: ['sub-gold'] }), after: expect.objectContaining({ status: 'terminated' }) },
  },
  runRetention: { action: 'retention.run', request: async () => ({ path: '/v1/admin/retention/run' }), entry: { after: { deleted: 0 } } },
  importBilling: {
    action: 'billing.import',
    request: async () => ({ path: '/v1/admin/billing/import', body: 'event,account_id,holder_name,holder_email\naccount,acc-new,Nia New,nia@new.test\n', headers: { 'Content-Type': 'text/csv' } }),
    entry: { after: expect.objectContaining({ rows: [expect.objectContaining({ id: 'acc-new' })] }) },
  },
  replacePolicy: {
    action: 'policy.replace',
    request: async () => ({ path: '/v1/admin/policy', body: { effectiveFrom: new Date(Date.now() + 86_400_000).toISOString(), policy: presets.planSla({ hours: { start: '08:00', end: '16:00' } }) } }),
    entry: { target: 'policy:plan-sla' },
  },
  recomputePolicy: { action: 'policy.recompute', request: async () => ({ path: '/v1/admin/policy/recompute' }), entry: {} },
  addEngineer: { action: 'engineer.add', request: async () => ({ path: '/v1/admin/engineers', body: { name: 'Ivy Audit', email: 'ivy@vendor.test' } }), entry: { before: null } },
  disableEngineer: { action: 'engineer.disable', request: async () => ({ path: '/v1/admin/engineers/eng-ben/disable' }), entry: { target: 'eng-ben' } },
  enableEngineer: { action: 'engineer.enable', request: async () => ({ path: '/v1/admin/engineers/eng-ben/enable' }), entry: { target: 'eng-ben' } },
  issueToken: { action: 'token.issue', request: async () => ({ path: '/v1/admin/tokens', body: { role: 'admin', label: 'audited' } }), entry: { before: null } },
  revokeToken: {
    action: 'token.revoke',
    async request(t) {
      const issued = issuedTokenSchema.parse((await call(t.url, 'POST', '/v1/admin/tokens', { token: t.tokens.admin, body: { role: 'admin', label: 'to revoke' } })).json);
      return { path: `/v1/admin/tokens/${issued.summary.id}/revoke` };
    },
    entry: { before: expect.objectContaining({ revokedAt: null }), after: expect.objectContaining({ status: 'revoked' }) },
  },
  issueSignInCode: { action: 'sign-in-code.issue', request: async () => ({ path: '/v1/admin/sign-in-codes', body: { engineerId: 'eng-ana' } }), entry: { target: 'eng-ana' } },
};

/**
 * Every administrative endpoint that changes something leaves one audit entry naming the admin
 * token, the action, its target and the rows before and after. The list comes from the
 * declarations: a new endpoint with a side effect fails here until it is exercised and audited.
 */
forEachDatabase('the audit log covers every admin endpoint', (target) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ target });
  }, 60_000);
  afterAll(() => t.stop());

  const newest = async (): Promise<AuditEntry | undefined> => auditListSchema.parse((await call(t.url, 'GET', '/v1/admin/audit?limit=1', { token: t.tokens.admin })).json).entries[0];

  for (const endpoint of Object.values(adminEndpoints).filter((e) => e.method !== 'GET')) {
    it(`${endpoint.method} ${endpoint.path} (${endpoint.name})`, async () => {
      const exercise = exercises[endpoint.name];
      if (exercise === undefined) throw new Error(`${endpoint.name} changes something: add it to the exercises above, and have its action write the audit log`);
      const request = await exercise.request(t);
      const last = await newest();
      const answer = await call(t.url, endpoint.method, request.path, { token: t.tokens.admin, body: request.body, headers: request.headers });
      expect(answer.status, JSON.stringify(answer.json)).toBeLessThan(300);
      const entry = await newest();
      expect(entry?.id).not.toBe(last?.id);
      expect(entry).toMatchObject({ actor: expect.stringMatching(/^admin-token:tok_\w+$/), action: exercise.action, at: expect.any(String), ...exercise.entry });
    });
  }
});
