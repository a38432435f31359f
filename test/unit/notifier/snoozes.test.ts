import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_SNOOZED_TICKETS, type Snoozes } from '@shared/ipc/workspace-settings';
import { fileNotifierStateStore } from '../../../src-main/services/deadline-notifier/notifier-state-file';
import { FakeClock, MINUTE, page, recordingNotifier, ticket, upsert } from './notifier-fixtures';

const START = '2026-11-24T14:00:00.000Z'; // Tuesday 09:00 in New York
const DUE = '2026-11-24T15:00:00.000Z';
const iso = (ms: number) => new Date(ms).toISOString();
const ends = (snoozes: Snoozes) => snoozes.snoozes.map((s) => [s.ticketId, iso(s.untilMs)]);

describe('deadline notifier: snoozes as the engineer sets them', () => {
  it('snoozes until the working hours next begin: the engineer’s, else Monday to Friday from 09:00', async () => {
    const clock = new FakeClock(Date.parse('2026-11-27T20:00:00.000Z')); // Friday 15:00 in New York
    const hours = { start: '08:30', end: '17:00', weekdays: [1, 2, 3, 4, 5] };
    const { notifier } = recordingNotifier(clock, { settings: { zone: 'America/New_York', thresholdsMinutes: null, workingHours: hours } });
    await notifier.start();
    const withHours = await notifier.snooze(['t-1'], 'next-working-hours');
    expect(withHours.ok && ends(withHours.value)).toEqual([['t-1', '2026-11-30T13:30:00.000Z']]); // Monday 08:30
    notifier.configure({ settings: { zone: 'Europe/Berlin', thresholdsMinutes: null, workingHours: null } });
    const byDefault = await notifier.snooze(['t-2'], 'next-working-hours');
    // Friday 21:00 in Berlin: the next opening of the default hours is Monday 09:00 there.
    expect(byDefault.ok && ends(byDefault.value)).toEqual([['t-1', '2026-11-30T13:30:00.000Z'], ['t-2', '2026-11-30T08:00:00.000Z']].sort((a, b) => a[1]!.localeCompare(b[1]!)));
  });

  it('lifting a snooze notifies at once what the ticket passed while it was snoozed', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE }))]));
    await notifier.snooze(['t-1'], 60);
    clock.advance(52 * MINUTE); // 14:52: past both approach points, held
    expect(titles()).toEqual([]);
    const lifted = await notifier.unsnooze(['t-1']);
    expect(lifted).toEqual({ ok: true, value: { snoozes: [] } });
    expect(titles()).toEqual(['Ticket #1 breaches in 8 minutes']);
  });

  it('publishes the snoozes in force when one is set, lifted, ends, or its ticket gets a reply', async () => {
    const clock = new FakeClock(Date.parse(START));
    const published: Snoozes[] = [];
    const { notifier } = recordingNotifier(clock, { onSnoozes: (s) => published.push(s) });
    await notifier.start();
    const rows = [ticket({ id: 't-1', dueAt: DUE }), ticket({ id: 't-2', dueAt: DUE }), ticket({ id: 't-3', dueAt: DUE })];
    await notifier.observe(page(rows.map((row) => upsert(row, 1))));
    await notifier.snooze(['t-1'], 15);
    await notifier.snooze(['t-2', 't-3'], 60);
    await notifier.unsnooze(['t-3']);
    clock.advance(16 * MINUTE); // t-1's snooze ends
    await notifier.observe(page([upsert({ ...rows[1]!, firstStaffReplyAt: '2026-11-24T14:20:00.000Z' }, 2)]));
    expect(published.map(ends)).toEqual([
      [],
      [['t-1', '2026-11-24T14:15:00.000Z']],
      [['t-1', '2026-11-24T14:15:00.000Z'], ['t-2', '2026-11-24T15:00:00.000Z'], ['t-3', '2026-11-24T15:00:00.000Z']],
      [['t-1', '2026-11-24T14:15:00.000Z'], ['t-2', '2026-11-24T15:00:00.000Z']],
      [['t-2', '2026-11-24T15:00:00.000Z']],
      [],
    ]);
    expect(notifier.snoozes).toEqual({ snoozes: [] });
  });

  it('keeps snoozes across a restart', async () => {
    const clock = new FakeClock(Date.parse(START));
    const first = recordingNotifier(clock);
    await first.notifier.start();
    await first.notifier.snooze(['t-1'], 90);
    first.notifier.stop();
    const second = recordingNotifier(clock, { store: first.store });
    await second.notifier.start();
    expect(ends(second.notifier.snoozes)).toEqual([['t-1', '2026-11-24T15:30:00.000Z']]);
  });

  it('keeps a snooze made at a skew-corrected instant with a fraction of a millisecond across a restart from its file', async () => {
    const clock = new FakeClock(Date.parse(START) + 0.5);
    const warnings: string[] = [];
    const store = fileNotifierStateStore(join(await mkdtemp(join(tmpdir(), 'snoozes-')), 'notifier.json'), (m) => warnings.push(m));
    const first = recordingNotifier(clock, { store });
    await first.notifier.start();
    await first.notifier.snooze(['t-1'], 60);
    await first.notifier.flushed();
    first.notifier.stop();
    const second = recordingNotifier(clock, { store });
    await second.notifier.start();
    expect(ends(second.notifier.snoozes)).toEqual([['t-1', '2026-11-24T15:00:00.001Z']]);
    expect(warnings).toEqual([]);
  });

  it(`refuses a snooze that would hold more than ${MAX_SNOOZED_TICKETS} tickets, saying so, and keeps the ones it had`, async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, store } = recordingNotifier(clock);
    await notifier.start();
    const ids = (from: number) => Array.from({ length: 1_000 }, (_, i) => `t-${from + i}`);
    for (let batch = 0; batch < MAX_SNOOZED_TICKETS / 1_000; batch++) expect((await notifier.snooze(ids(batch * 1_000), 30)).ok).toBe(true);
    // Snoozing again tickets already snoozed is fine: the count does not grow.
    expect((await notifier.snooze(ids(0), 60)).ok).toBe(true);
    const refused = await notifier.snooze(['t-new', 't-0'], 30);
    expect(refused).toEqual({ ok: false, error: { code: 'too-many-snoozes', message: `${MAX_SNOOZED_TICKETS + 1} tickets would be snoozed, more than the ${MAX_SNOOZED_TICKETS} allowed at once: lift some snoozes first` } });
    await notifier.flushed();
    expect(Object.keys(store.saved?.current.snoozes ?? {})).toHaveLength(MAX_SNOOZED_TICKETS);
    expect(store.saved?.current.snoozes['t-new']).toBeUndefined();
    expect(store.saved?.current.snoozes['t-0']).toBe(Date.parse(START) + 60 * MINUTE);
  });
});
