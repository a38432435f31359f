import { afterAll, beforeAll, expect, it } from 'vitest';
import { billingImportRejectionSchema, billingImportSummarySchema, MAX_BILLING_IMPORT_BYTES } from '@shared/contract';
import { call, forEachDatabase, startTestServer, type TestServer } from '../http/test-server';

const FILE = 'event,account_id,holder_name,holder_email,organization\r\naccount,acc-http,Hal Http,hal@http.test,\r\n';

forEachDatabase('POST /v1/admin/billing/import', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ target });
  }, 60_000);
  afterAll(() => server.stop());

  const post = (body: string, options: { token?: string; type?: string } = {}) =>
    call(server.url, 'POST', '/v1/admin/billing/import', { token: options.token ?? server.tokens.admin, body, headers: { 'Content-Type': options.type ?? 'text/csv; charset=utf-8' } });

  it('imports a CSV body and answers the counts; the same body again is all unchanged', async () => {
    const first = await post(FILE);
    expect(first.status).toBe(200);
    expect(billingImportSummarySchema.parse(first.json).accounts).toEqual({ created: 1, updated: 0, unchanged: 0 });
    const again = await post(FILE);
    expect(billingImportSummarySchema.parse(again.json).accounts).toEqual({ created: 0, updated: 0, unchanged: 1 });
  });

  it('answers 400 listing every row error, with its line and field', async () => {
    const response = await post(`${FILE}account,acc-bad,,bad,\r\naccount,acc-ok,Ok,ok@ok.test,"Ok, Ltd."\r\nrenewal,acc-x,\r\n`);
    expect(response.status).toBe(400);
    const { error } = billingImportRejectionSchema.parse(response.json);
    expect(error.code).toBe('bad-request');
    expect(error.rows.map((r) => [r.line, r.field])).toEqual([[3, 'holder_name'], [3, 'holder_email'], [5, null]]);
    expect(error.message).toContain('line 3, field "holder_name": required');
  });

  it('takes the admin token only, CSV only, and refuses a body over the limit before reading it', async () => {
    expect((await post(FILE, { token: server.tokens.ana })).status).toBe(403);
    expect((await post(FILE, { type: 'application/json' })).status).toBe(415);
    const tooLarge = await post('x'.repeat(MAX_BILLING_IMPORT_BYTES + 1));
    expect(tooLarge.status).toBe(413);
  });
});
