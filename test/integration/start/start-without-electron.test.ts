import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { refusedPort } from '../../support/refused-port';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// On a machine where `npm start` already downloaded Electron there is nothing to download: the
// download's failure cannot be provoked there without touching the engineer's install.
const electronInstalled = existsSync(join(root, 'node_modules', 'electron', 'path.txt'));


const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe.skipIf(electronInstalled)('npm start where the Electron binary cannot be downloaded', () => {
  it('says so in one line without a stack, then serves the app in web mode', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'start-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    // The download is really attempted, against a mirror that refuses it (and an empty download
    // cache), so the check behaves the same offline and online. The app is pointed at a backend
    // that is not there either: web mode starts regardless, offline.
    const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${await refusedPort()}/`, electron_config_cache: join(dir, 'electron-cache'), SUPPORT_AGENT_TOKEN: 'token-of-nobody' };
    delete env['ELECTRON_SKIP_BINARY_DOWNLOAD'];
    const backend = `http://127.0.0.1:${await refusedPort()}`;
    const child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data', join(dir, 'data'), '--backend', backend], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    cleanups.push(async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    });

    const output: string[] = [];
    createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        output.push(line);
        const address = /^\s+(http:\/\/127\.0\.0\.1:\d+\/#secret=\S+)$/.exec(line);
        if (address) resolve(address[1] as string);
      });
      child.once('exit', (code) => reject(new Error(`npm start exited with ${String(code)} before web mode was up:\n${output.join('\n')}`)));
    });

    const said = output.filter((line) => line.includes('Electron') && !line.includes('downloading the Electron binary'));
    expect(said).toEqual([expect.stringMatching(/^Support Agent: Electron cannot launch on this machine \(the Electron binary could not be downloaded: connect ECONNREFUSED 127\.0\.0\.1:\d+\); falling back to web mode/)]);
    expect(output.filter((line) => /^\s+at /.test(line) || /Error:/.test(line))).toEqual([]);
    const page = await fetch(new URL(url).origin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Support Agent</title>');
  }, 240_000);
});
