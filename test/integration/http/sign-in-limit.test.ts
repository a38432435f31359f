import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { apiErrorSchema, issuedSignInCodeSchema } from '@shared/contract';
import { SIGN_IN_FAILURES } from '../../../src-backend/http/failure-limiter';
import { call, forEachDatabase, startTestServer, type TestServer } from './test-server';

/** `POST /v1/session/exchange` from a chosen loopback address, so that two clients can be told apart. */
function exchangeFrom(localAddress: string, port: number, code: string): Promise<{ status: number; retryAfter: string | undefined; json: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress, method: 'POST', path: '/v1/session/exchange', headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ code }));
  });
}

forEachDatabase('wrong sign-in codes are limited per client address', (target) => {
  let t: TestServer;
  let port: number;
  beforeAll(async () => {
    t = await startTestServer({ target });
    port = Number(new URL(t.url).port);
  }, 60_000);
  afterAll(() => t.stop());

  it(`after ${SIGN_IN_FAILURES.max} wrong codes in a minute, 429 with Retry-After, even for a right code; another address is not held back`, async () => {
    const issue = async () => issuedSignInCodeSchema.parse((await call(t.url, 'POST', '/v1/admin/sign-in-codes', { token: t.tokens.admin, body: { engineerId: 'eng-ana' } })).json).code;
    const right = await issue();
    for (let n = 0; n < SIGN_IN_FAILURES.max; n++) expect((await exchangeFrom('127.0.0.1', port, 'WRONG-C0DE0')).status).toBe(400);
    const held = await exchangeFrom('127.0.0.1', port, right);
    expect(held.status).toBe(429);
    expect(Number(held.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(held.retryAfter)).toBeLessThanOrEqual(60);
    expect(apiErrorSchema.parse(held.json).error).toMatchObject({ code: 'too-many-requests', message: expect.stringMatching(/^too many wrong sign-in codes from this address .*; try again in \d+ s$/) });
    // The held-back attempt did not use the code up: from another address it still works.
    expect((await exchangeFrom('127.0.0.2', port, right)).status).toBe(200);
  });
});
