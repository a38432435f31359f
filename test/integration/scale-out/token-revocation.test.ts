import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedSignInCodeSchema, exchangedSessionSchema, tokenListSchema, adminEngineerSchema } from '@shared/contract';
import { TOKEN_CACHE_MS } from '../../../src-backend/security/token-cache';
import { scaleOutSkipReason, startCluster, type Cluster } from '../../support/scale-out-cluster';

async function call(url: string, method: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text === '' ? null : JSON.parse(text) };
}

/**
 * Two instances on one PostgreSQL database: an engineer signed in through one instance, their
 * token known (and cached) on both, revoked through the other: refused on both within the bound.
 */
describe.skipIf(scaleOutSkipReason !== null)('a revoked token on two instances', () => {
  let cluster: Cluster;
  beforeAll(async () => {
    cluster = await startCluster(2);
  }, 60_000);
  afterAll(() => cluster?.close());

  it(`is refused by both within the ${TOKEN_CACHE_MS} ms token cache (and one poll)`, async () => {
    const [one, two] = cluster.instances as [Cluster['instances'][0], Cluster['instances'][0]];
    const admin = cluster.tokens.admin;
    const engineer = adminEngineerSchema.parse((await call(one.url, 'POST', '/v1/admin/engineers', admin, { name: 'Ivy Jones', email: 'ivy@vendor.test' })).json);
    const { code } = issuedSignInCodeSchema.parse((await call(two.url, 'POST', '/v1/admin/sign-in-codes', admin, { engineerId: engineer.id })).json);
    const { token } = exchangedSessionSchema.parse((await fetch(`${one.url}/v1/session/exchange`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }) }).then((r) => r.json())));
    for (const instance of [one, two]) expect((await call(instance.url, 'GET', '/v1/me', token)).status).toBe(200);

    const id = tokenListSchema.parse((await call(one.url, 'GET', '/v1/admin/tokens', admin)).json).tokens.find((t) => t.engineerId === engineer.id)?.id;
    const revokedAt = performance.now();
    expect((await call(two.url, 'POST', `/v1/admin/tokens/${id}/revoke`, admin)).status).toBe(200);
    const refusedAfter = await Promise.all(
      [one, two].map(async (instance) => {
        while ((await call(instance.url, 'GET', '/v1/me', token)).status === 200) {
          if (performance.now() - revokedAt > TOKEN_CACHE_MS + 2_000) return Number.POSITIVE_INFINITY;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return performance.now() - revokedAt;
      }),
    );
    console.info(`revoked token refused after ${refusedAfter.map((ms) => `${Math.round(ms)} ms`).join(' and ')} on the two instances`);
    // 200 ms of slack: one poll interval plus the request that observes the refusal.
    for (const ms of refusedAfter) expect(ms).toBeLessThanOrEqual(TOKEN_CACHE_MS + 200);
  }, 60_000);
});
