import { chmod, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state-file';
import { emptyNotifierState } from '../../../src-main/services/deadline-notifier/notifier-state';
import { checkEngineerSettings } from '../../../src-main/services/settings-store';
import { ensureOwnerOnlyDir, readOwnerOnlyFile, writeOwnerOnlyFileAtomically } from '../../../src-main/services/owner-only-files';
import { fileSettingsStore } from '../../../src-main/services/settings-store-file';

const folder = () => mkdtemp(join(tmpdir(), 'notifier-stores-'));

describe('settings and notifier state on disk', () => {
  it('saves settings owner-only and loads them back; refuses a file that does not match the schema, naming the field', async () => {
    const path = join(await folder(), 'settings.json');
    const store = fileSettingsStore(path);
    expect(await store.load()).toBeNull();
    const settings = { zone: 'Europe/Berlin', thresholdsMinutes: [60, 15], workingHours: { start: '09:00', end: '18:00', weekdays: [1, 2, 3, 4, 5] } };
    await store.save(settings);
    expect(await store.load()).toEqual(settings);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFile(path, JSON.stringify({ ...settings, workingHours: { start: '25:00', end: '18:00', weekdays: [1] } }));
    await expect(store.load()).rejects.toThrow(/workingHours\.start: expected HH:MM/);
    await writeFile(path, '{"zone":');
    await expect(store.load()).rejects.toThrow(/not JSON/);
  });

  it('checks what the schema cannot: a real zone, non-empty working hours; sorts thresholds', () => {
    expect(checkEngineerSettings({ zone: 'Mars/Olympus', thresholdsMinutes: null, workingHours: null })).toEqual({ ok: false, error: { code: 'bad-request', message: 'zone: "Mars/Olympus" is not a known IANA time zone' } });
    const empty = checkEngineerSettings({ zone: 'UTC', thresholdsMinutes: null, workingHours: { start: '09:00', end: '09:00', weekdays: [1] } });
    expect(empty.ok ? null : empty.error.message).toMatch(/workingHours: start and end are both 09:00/);
    expect(checkEngineerSettings({ zone: 'UTC', thresholdsMinutes: [10, 30, 10], workingHours: null })).toEqual({ ok: true, value: { zone: 'UTC', thresholdsMinutes: [30, 10], workingHours: null } });
  });

  it('keeps the notifier state in an owner-only file, replaced whole; a damaged file is reported and starts empty', async () => {
    const dir = await folder();
    const path = join(dir, 'notifier.json');
    const warnings: string[] = [];
    const store = fileNotifierStateStore(path, (m) => warnings.push(m));
    expect(await store.load()).toBeNull();
    const state = emptyNotifierState({ workspaceId: 'ws-1', backendUrl: 'http://127.0.0.1:9' });
    state.current.snoozes['t-1'] = 123;
    await store.save(state);
    expect(await store.load()).toEqual(state);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await writeFile(path, JSON.stringify({ ...state, format: 3 }));
    expect(await store.load()).toBeNull();
    expect(warnings[0]).toMatch(/notifier\.json: format/);
    expect(JSON.parse(await readFile(path, 'utf8')).format).toBe(3); // reported, not overwritten behind the engineer's back
  });

  it('reads the index of the previous format as the current one, its workspace known by address only', async () => {
    const path = join(await folder(), 'notifier.json');
    const index = { tickets: {}, policies: { 'pol-1': [30] }, snoozes: { 't-1': 123 } };
    await writeFile(path, JSON.stringify({ format: 1, workspace: 'http://127.0.0.1:9', ...index }));
    expect(await fileNotifierStateStore(path).load()).toEqual({ format: 2, current: { workspace: { workspaceId: null, backendUrl: 'http://127.0.0.1:9' }, ...index }, others: [] });
  });
});

describe('owner-only files (the session, settings and notifier state of web mode and Electron)', () => {
  const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

  it('writes 0600 whatever the old file\'s mode and the umask, in a folder created 0700, leaving no temporary file', async () => {
    const dir = join(await folder(), 'created', 'nested');
    const path = join(dir, 'session.bin');
    const umask = process.umask(0);
    try {
      await writeOwnerOnlyFileAtomically(path, Buffer.from([1, 2, 3]));
      expect(await modeOf(dir)).toBe(0o700);
      await chmod(path, 0o666);
      await writeOwnerOnlyFileAtomically(path, 'second');
    } finally {
      process.umask(umask);
    }
    expect(await modeOf(path)).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['session.bin']);
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const dir = await folder();
    const blocked = join(dir, 'settings.json');
    await mkdir(join(blocked, 'in-the-way'), { recursive: true });
    await expect(writeOwnerOnlyFileAtomically(blocked, '{}')).rejects.toThrow();
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('tightens a file or folder an older version left open when it is opened again', async () => {
    const dir = await folder();
    await chmod(dir, 0o755);
    const path = join(dir, 'deadline-notifier.json');
    await writeFile(path, '{"kept": true}');
    await chmod(path, 0o644);
    expect(String(await readOwnerOnlyFile(path))).toBe('{"kept": true}');
    expect(await modeOf(path)).toBe(0o600);
    await ensureOwnerOnlyDir(dir);
    expect(await modeOf(dir)).toBe(0o700);
    expect(await readOwnerOnlyFile(join(dir, 'missing.json'))).toBeNull();
  });
});
