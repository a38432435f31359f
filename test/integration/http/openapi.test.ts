import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endpoints } from '@shared/contract/endpoints';
import { openApiDocument, openApiText } from '../../../src-backend/http/openapi-document';
import { call, startTestServer, type TestServer } from './test-server';

const committed = readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8');

describe('the OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  }, 60_000);
  afterAll(() => server.stop());

  it('docs/openapi.json is the document the declarations generate (npm run openapi writes it again)', () => {
    expect(openApiText(openApiDocument()), 'docs/openapi.json is stale: run npm run openapi').toBe(committed);
  });

  it('is served without a token at GET /v1/openapi.json, equal to the committed one', async () => {
    const { status, json } = await call(server.url, 'GET', '/v1/openapi.json');
    expect(status).toBe(200);
    expect(json).toEqual(JSON.parse(committed));
  });

  it('describes every declared endpoint, with its access, parameters and body', () => {
    const document = JSON.parse(committed) as { paths: Record<string, Record<string, { operationId: string; security: unknown[]; parameters?: { name: string; in: string }[]; requestBody?: unknown }>> };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
    expect(operations.map((o) => o.op.operationId).sort()).toEqual(Object.keys(endpoints).sort());
    for (const endpoint of Object.values(endpoints)) {
      const found = operations.find((o) => o.op.operationId === endpoint.name);
      expect(found?.path).toBe(endpoint.path.replace(/:(\w+)/g, '{$1}'));
      expect(found?.method).toBe(endpoint.method.toLowerCase());
      const anyToken = [{ engineerToken: [] }, { adminToken: [] }];
      expect(found?.op.security).toEqual(endpoint.access === 'public' ? [] : endpoint.access === 'token' ? anyToken : [{ [`${endpoint.access}Token`]: [] }]);
      expect(found?.op.requestBody !== undefined).toBe('body' in endpoint);
    }
    const sync = operations.find((o) => o.op.operationId === 'sync');
    expect(sync?.op.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(['query:cursor', 'query:limit']);
  });
});
