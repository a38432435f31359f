import { describe, expect, it } from 'vitest';
import { chromiumArgs, findChromium, launchOptionsFor, type ChromiumProbes } from '../../support/chromium-path';

const playwrightChromium = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

/** A machine made of the executable files listed. */
function machine(executables: string[], env: Record<string, string | undefined>): ChromiumProbes {
  return { env, playwrightExecutable: () => playwrightChromium, isExecutableFile: (path) => executables.includes(path) };
}

describe('Chromium discovery', () => {
  it('takes CHROMIUM_PATH first, over Playwright\'s own and PATH', () => {
    const probes = machine([playwrightChromium, '/usr/bin/chromium', '/opt/chrome/chrome'], { CHROMIUM_PATH: '/opt/chrome/chrome', PATH: '/usr/bin' });
    expect(findChromium(probes)).toEqual({ source: 'CHROMIUM_PATH', path: '/opt/chrome/chrome' });
  });

  it('keeps a CHROMIUM_PATH that names nothing rather than pick another browser', () => {
    const probes = machine([playwrightChromium, '/usr/bin/chromium'], { CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' });
    expect(findChromium(probes)).toEqual({ source: 'CHROMIUM_PATH', path: '/nowhere/chrome' });
  });

  it('takes Playwright\'s downloaded Chromium before one on PATH', () => {
    const probes = machine([playwrightChromium, '/usr/bin/chromium'], { PATH: '/usr/bin' });
    expect(findChromium(probes)).toEqual({ source: 'playwright', path: playwrightChromium });
  });

  it('searches PATH by name in order of preference, then by PATH order', () => {
    const probes = machine(['/usr/local/bin/google-chrome', '/usr/bin/chromium-browser', '/snap/bin/chromium'], { PATH: '/usr/local/bin:/usr/bin:/snap/bin' });
    expect(findChromium(probes)).toEqual({ source: 'system', path: '/snap/bin/chromium' });
    const chromeOnly = machine(['/usr/local/bin/google-chrome', '/opt/google/google-chrome'], { PATH: '/usr/local/bin:/opt/google' });
    expect(findChromium(chromeOnly)).toEqual({ source: 'system', path: '/usr/local/bin/google-chrome' });
  });

  it('sees nothing outside PATH and finds nothing on a machine without a browser', () => {
    expect(findChromium(machine(['/usr/bin/chromium'], { PATH: '/opt/shims' }))).toBeUndefined();
    expect(findChromium(machine([], { PATH: '/usr/bin:/bin' }))).toBeUndefined();
    expect(findChromium(machine(['/usr/bin/chromium'], {}))).toBeUndefined();
  });

  it('launches Playwright\'s own without a path, any other by its path, always with the container flags', () => {
    expect(launchOptionsFor({ source: 'playwright', path: playwrightChromium })).toEqual({ args: [...chromiumArgs] });
    expect(launchOptionsFor(undefined)).toEqual({ args: [...chromiumArgs] });
    expect(launchOptionsFor({ source: 'system', path: '/usr/bin/chromium' })).toEqual({ executablePath: '/usr/bin/chromium', args: [...chromiumArgs] });
    expect(chromiumArgs).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']));
  });
});
