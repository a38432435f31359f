import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConnectorConfig } from '../../../src-backend/connectors/connector-config';
import { openConnector } from '../../../src-backend/connectors/open-connector';
import { startBackendProcess } from '../../support/backend-process';
import { describeWithRt, startSuiteRt, type SuiteRt } from '../../support/request-tracker';

const base = { helpdesk: 'request-tracker', url: 'http://127.0.0.1:1', user: 'root', queues: { General: 'plan-sla' } };

function errorOf(result: { ok: true } | { ok: false; error: { message: string } }): string {
  if (result.ok) throw new Error('expected an error');
  return result.error.message;
}

describe('connector configuration', () => {
  it('names the JSON path of every mistake', () => {
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, queues: { General: 5 } }), 'c.json'))).toMatch(/^connector configuration c\.json: queues\.General: /);
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, urgent: { customField: 'Severity' } }), 'c.json'))).toContain('urgent');
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, statuses: { stalled: 'waiting' } }), 'c.json'))).toContain('statuses.stalled');
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, pollIntervalMs: 'often' }), 'c.json'))).toContain('pollIntervalMs');
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, queues: {} }), 'c.json'))).toContain('queues');
    expect(errorOf(parseConnectorConfig(JSON.stringify({ ...base, queue: {} }), 'c.json'))).toContain('queue');
    expect(errorOf(parseConnectorConfig('{"helpdesk": ', 'c.json'))).toContain('is not JSON');
  });

  it('refuses a token in the file without echoing it', () => {
    const message = errorOf(parseConnectorConfig(JSON.stringify({ ...base, token: '1-14-abcdefabcdefabcdefabcdefabcdefab' }), 'c.json'));
    expect(message).toContain('RT_TOKEN_FILE');
    expect(message).not.toContain('abcdef');
  });

  it('takes the defaults for what it does not name', () => {
    const parsed = parseConnectorConfig(JSON.stringify(base), 'c.json');
    expect(parsed.ok && parsed.value).toMatchObject({ statuses: { stalled: 'pending', resolved: 'solved' }, maxRequestsPerSecond: 10, pollIntervalMs: 5_000 });
  });
});

describeWithRt('the connector checked against RT at start', () => {
  let rt: SuiteRt;
  let dir: string;
  beforeAll(async () => {
    rt = await startSuiteRt();
    dir = await mkdtemp(join(tmpdir(), 'connector-start-'));
  }, 120_000);
  afterAll(async () => {
    await rt?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  async function configFile(name: string, config: Record<string, unknown>): Promise<string> {
    const file = join(dir, `${name}.json`);
    await writeFile(file, JSON.stringify({ ...base, url: rt.url, ...config }), { mode: 0o600 });
    return file;
  }

  it('a wrong token, an unknown queue, a missing custom field: refused, each named, the token never shown', async () => {
    const good = await configFile('good', {});
    const wrongToken = '1-14-0123456789abcdef0123456789abcdef';
    const refused = errorOf(await openConnector(good, { RT_TOKEN: wrongToken }));
    expect(refused).toContain('refused the token');
    expect(refused).not.toContain(wrongToken);
    expect(errorOf(await openConnector(await configFile('queue', { queues: { Support: 'plan-sla' } }), { RT_TOKEN: rt.token }))).toContain("queues.Support: RT has no queue 'Support'");
    expect(errorOf(await openConnector(await configFile('plan', { plan: { ticketCustomField: 'Plan' } }), { RT_TOKEN: rt.token }))).toContain("plan.ticketCustomField: RT's queue 'General' has no ticket custom field 'Plan'");
    expect(errorOf(await openConnector(await configFile('user-plan', { plan: { userCustomField: 'Plan' } }), { RT_TOKEN: rt.token }))).toContain("plan.userCustomField: RT has no user custom field 'Plan'");
    expect(errorOf(await openConnector(good, {}))).toContain('no RT auth token');
    const opened = await openConnector(await configFile('severity', { urgent: { customField: 'Severity', values: ['high'] } }), { RT_TOKEN_FILE: rt.tokenFile });
    expect(opened.ok).toBe(true);
  }, 60_000);

  it('npm run backend with a bad connector configuration does not start, and says why', async () => {
    const data = await mkdtemp(join(dir, 'data-'));
    const start = (file: string, env: NodeJS.ProcessEnv) => startBackendProcess({ dataDir: data, seed: 1, env: { RT_TOKEN_FILE: rt.tokenFile, ...env, CONNECTOR_CONFIG: file } });
    await expect(start(await configFile('policy', { queues: { General: 'no-such-policy' } }), {})).rejects.toThrow(/queues\.General: the workspace has no policy 'no-such-policy'/);
    await expect(start(await configFile('path', { urgent: { priorityAtLeast: 'high' } }), {})).rejects.toThrow(/urgent/);
    const wrongToken = '1-14-fedcba9876543210fedcba9876543210';
    const refused = start(await configFile('token', {}), { RT_TOKEN_FILE: '', RT_TOKEN: wrongToken });
    await expect(refused).rejects.toThrow(/refused the token/);
    await expect(refused).rejects.not.toThrow(wrongToken);
  }, 120_000);
});
