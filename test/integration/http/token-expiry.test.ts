import { afterAll, beforeAll, expect, it } from 'vitest';
import { issuedTokenSchema } from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

/**
 * A token with an expiry stops at that instant on the server's clock, not up to the token cache's
 * 5 s later: the cache knows the expiry and never answers past it.
 */
forEachDatabase('a token stops at its expiry', (target) => {
  let t: TestServer;
  let now = Date.now();
  beforeAll(async () => {
    t = await startTestServer({ target, clock: () => new Date(now) });
  }, 60_000);
  afterAll(() => t.stop());

  it('works until its expiry, then is refused at once though it was just used', async () => {
    const issued = await call(t.url, 'POST', '/v1/admin/tokens', { token: t.tokens.admin, body: { role: 'admin', label: 'one minute', expiresAt: new Date(now + 60_000).toISOString() } });
    const { token } = issuedTokenSchema.parse(issued.json);
    const status = async () => (await call(t.url, 'GET', '/v1/admin/engineers', { token })).status;
    expect(await status()).toBe(200);
    now += 59_999;
    expect(await status()).toBe(200);
    now += 1;
    expect(await status()).toBe(401);
  });
});
