import { describe, expect, it } from 'vitest';
import type { FoundChromium } from '../../support/chromium-path';
import { provisionChromium, type AptAccess, type ProvisionSteps } from '../../support/chromium-provision';

const playwrights: FoundChromium = { source: 'playwright', path: '/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome' };

interface Machine {
  /** What discovery finds before anything is installed. */
  before?: FoundChromium;
  /** Whether `npx playwright install chromium` can download. */
  download: boolean;
  apt: AptAccess;
  /** Whether apt-get can install the package. */
  aptWorks?: boolean;
}

/** A fake machine that records, in order, what provisioning did to it. */
function run(machine: Machine) {
  const did: string[] = [];
  const said: string[] = [];
  let installed: FoundChromium | undefined = machine.before;
  let aptInstalled = false;
  const steps: ProvisionSteps = {
    find: () => installed,
    isExecutableFile: (path) => path !== '/nowhere/chrome',
    playwrightInstall: () => {
      did.push('playwright install');
      if (!machine.download) return { ok: false, reason: 'getaddrinfo ENOTFOUND cdn.playwright.dev' };
      installed = playwrights;
      return { ok: true };
    },
    apt: () => machine.apt,
    aptInstall: (access) => {
      did.push(`apt-get install as ${access}`);
      aptInstalled = machine.aptWorks ?? true;
      return aptInstalled ? { ok: true } : { ok: false, reason: 'apt-get install exited with 100' };
    },
    aptInstalledPath: () => (aptInstalled ? '/usr/bin/chromium' : undefined),
    say: (line) => said.push(line),
  };
  return { result: provisionChromium(steps), did, said };
}

describe('Chromium provisioning', () => {
  it('uses what discovery finds and installs nothing', () => {
    const system: FoundChromium = { source: 'system', path: '/usr/bin/chromium' };
    expect(run({ before: system, download: true, apt: 'root' })).toEqual({ result: { ok: true, chromium: system }, did: [], said: [] });
  });

  it('stops on a CHROMIUM_PATH that names no executable, installing nothing', () => {
    const { result, did } = run({ before: { source: 'CHROMIUM_PATH', path: '/nowhere/chrome' }, download: true, apt: 'root' });
    expect(did).toEqual([]);
    expect(result).toEqual({ ok: false, sentence: expect.stringContaining('CHROMIUM_PATH is /nowhere/chrome, which is not an executable file') });
  });

  it('downloads Playwright\'s Chromium where it can, before trying apt', () => {
    const { result, did } = run({ download: true, apt: 'root' });
    expect(did).toEqual(['playwright install']);
    expect(result).toEqual({ ok: true, chromium: playwrights });
  });

  it('installs Debian\'s package as root when the download fails, and says why it fell back', () => {
    const { result, did, said } = run({ download: false, apt: 'root' });
    expect(did).toEqual(['playwright install', 'apt-get install as root']);
    expect(result).toEqual({ ok: true, chromium: { source: 'system', path: '/usr/bin/chromium' } });
    expect(said.join('\n')).toContain('getaddrinfo ENOTFOUND cdn.playwright.dev');
  });

  it('installs through passwordless sudo', () => {
    expect(run({ download: false, apt: 'sudo' }).did).toEqual(['playwright install', 'apt-get install as sudo']);
  });

  it('names sudo apt-get where apt needs a password, installing nothing', () => {
    const { result, did } = run({ download: false, apt: 'needs-sudo' });
    expect(did).toEqual(['playwright install']);
    expect(result).toEqual({ ok: false, sentence: 'No Chromium for the end-to-end tests: run `sudo apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium or Chrome executable), then `npm test` again.' });
  });

  it('names the Playwright download where there is no apt, or apt failed', () => {
    const sentence = 'No Chromium for the end-to-end tests: run `npx playwright install chromium` where it can download (or set CHROMIUM_PATH to a Chromium or Chrome executable), then `npm test` again.';
    expect(run({ download: false, apt: 'absent' })).toMatchObject({ result: { ok: false, sentence }, did: ['playwright install'] });
    const failedApt = run({ download: false, apt: 'root', aptWorks: false });
    expect(failedApt).toMatchObject({ result: { ok: false, sentence }, did: ['playwright install', 'apt-get install as root'] });
    expect(failedApt.said.join('\n')).toContain('apt-get install exited with 100');
  });

  it('gives one sentence when it gives up', () => {
    const { result } = run({ download: false, apt: 'absent' });
    if (result.ok) throw new Error('expected no Chromium');
    expect(result.sentence.split(/(?<=\.)\s+(?=[A-Z])/)).toHaveLength(1);
    expect(result.sentence).not.toContain('\n');
  });
});
