import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../../src-backend/cli/parse-cli-args';
import { readEnvironment } from '../../../src-backend/cli/read-environment';
import { shownTokens, waitUntil } from '../../support/backend-process';

/** The settings a deployment gives every instance, and the structured logs it gets back. */

describe('settings from the environment', () => {
  const args = parseCliArgs([]);

  it('reads port, host, pool size and timers, with flags winning', () => {
    const env = { PORT: '8080', HOST: '0.0.0.0', DATABASE_URL: 'postgres://db:5432/support', DB_POOL_SIZE: '25', RETENTION_INTERVAL_MS: '0', SHUTDOWN_DRAIN_MS: '3000' };
    expect(readEnvironment(args, env)).toEqual({
      port: 8080, host: '0.0.0.0', databaseUrl: 'postgres://db:5432/support', poolSize: 25, retentionIntervalMs: 0, shutdownDrainMs: 3000, connectorConfig: null,
    });
    expect(readEnvironment(parseCliArgs(['--port', '9090', '--host', '127.0.0.1']), env)).toMatchObject({ port: 9090, host: '127.0.0.1' });
    expect(readEnvironment(args, {})).toEqual({ port: 0, host: '127.0.0.1', databaseUrl: null, poolSize: 10, retentionIntervalMs: 60_000, shutdownDrainMs: 0, connectorConfig: null });
  });

  it('takes the connector configuration from --connector, else CONNECTOR_CONFIG', () => {
    expect(readEnvironment(args, { CONNECTOR_CONFIG: 'rt.json' }).connectorConfig).toBe('rt.json');
    expect(readEnvironment(parseCliArgs(['--connector', 'other.json']), { CONNECTOR_CONFIG: 'rt.json' }).connectorConfig).toBe('other.json');
    expect(() => parseCliArgs(['--connector', ' '])).toThrow(/--connector needs a path/);
  });

  it('refuses a bad value, naming the variable', () => {
    expect(() => readEnvironment(args, { DB_POOL_SIZE: 'many' })).toThrow(/DB_POOL_SIZE must be a whole number from 1 to 1000; got "many"/);
    expect(() => readEnvironment(args, { DB_POOL_SIZE: '0' })).toThrow(/DB_POOL_SIZE/);
    expect(() => readEnvironment(args, { PORT: '70000' })).toThrow(/PORT must be a whole number from 0 to 65535/);
    expect(() => readEnvironment(args, { DATABASE_URL: 'mysql://db/x' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
  });
});

describe('the backend process', () => {
  function runCli(env: NodeJS.ProcessEnv) {
    const { DATABASE_URL: _url, LOGIN_DETAILS_KEY: _key, PORT: _port, HOST: _host, ...rest } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', 'src-backend/cli.ts', '--seed', '3'], { env: { ...rest, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    const line = new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    return { child, exited, line, stderr: () => stderr };
  }

  it('exits 2 with the variable named when a setting is wrong', async () => {
    const run = runCli({ DB_POOL_SIZE: 'lots' });
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toMatch(/DB_POOL_SIZE must be a whole number/);
  }, 60_000);

  it('takes a hex key and logs one JSON line per request with method, route, status and ms', async () => {
    const run = runCli({ LOGIN_DETAILS_KEY: randomBytes(32).toString('hex') });
    const { url } = JSON.parse(await run.line) as { url: string };
    await waitUntil(() => shownTokens(run.stderr()).engineerToken !== null);
    const engineerToken = shownTokens(run.stderr()).engineerToken as string;
    const ticket = await fetch(`${url}/v1/sync?limit=2`, { headers: { authorization: `Bearer ${engineerToken}` } });
    expect(ticket.status).toBe(200);
    expect((await fetch(`${url}/v1/portal/tickets/tk-1/messages`, { method: 'POST' })).status).toBe(401);
    expect((await fetch(`${url}/v1/ready`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    // The demo's tokens are shown once as a plain-text banner; every other line is a JSON log line.
    const banner = /^-{72}\n[\s\S]*?\n-{72}\n/m;
    expect(run.stderr()).toMatch(banner);
    const lines = run.stderr().replace(banner, '').trim().split('\n').map((text) => JSON.parse(text) as Record<string, unknown>);
    for (const line of lines) expect(line).toMatchObject({ time: expect.any(String), level: expect.stringMatching(/^(info|warn|error)$/), msg: expect.any(String) });
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toEqual([
      expect.objectContaining({ method: 'GET', route: '/v1/sync', status: 200, ms: expect.any(Number) }),
      expect.objectContaining({ method: 'POST', route: '/v1/portal/tickets/:id/messages', status: 401 }),
      expect.objectContaining({ method: 'GET', route: '/v1/ready', status: 200 }),
    ]);
    expect(run.stderr().replace(banner, '')).not.toContain(engineerToken);
  }, 60_000);
});

