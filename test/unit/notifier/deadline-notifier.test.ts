import { describe, expect, it } from 'vitest';
import { FakeClock, MINUTE, page, policyChange, recordingNotifier, ticket, twoVersionPolicyChange, upsert } from './notifier-fixtures';

const START = '2026-11-24T14:00:00.000Z'; // Tuesday 09:00 in New York
const DUE = '2026-11-24T15:00:00.000Z';
const DEMO = { workspaceId: 'ws-demo', backendUrl: 'http://127.0.0.1:1' };
const TEAM = { workspaceId: 'ws-team', backendUrl: 'https://support.example.test' };

describe('deadline notifier: thresholds and breach', () => {
  it('notifies 30 and 10 minutes before and at the breach, each once, at its moment', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, shown } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-7', number: 7, dueAt: DUE }))]));
    const at: string[] = [];
    const record = () => at.push(new Date(clock.now()).toISOString());
    for (let i = 0; i < 120; i++) {
      const before = shown.length;
      clock.advance(MINUTE);
      if (shown.length > before) record();
    }
    expect(shown.map((n) => n.title)).toEqual(['Ticket #7 breaches in 30 minutes', 'Ticket #7 breaches in 10 minutes', 'Ticket #7 breached its response deadline']);
    expect(at).toEqual(['2026-11-24T14:30:00.000Z', '2026-11-24T14:50:00.000Z', '2026-11-24T15:00:00.000Z']);
    expect(shown.every((n) => n.ticketIds.length === 1 && n.ticketIds[0] === 't-7')).toBe(true);
  });

  it('follows the workspace policy thresholds, and the engineer settings over them', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([policyChange([45]), upsert(ticket({ id: 't-1', dueAt: DUE }))]));
    clock.advance(20 * MINUTE);
    expect(titles()).toEqual(['Ticket #1 breaches in 45 minutes']);
    notifier.configure({ settings: { zone: 'UTC', thresholdsMinutes: [5], workingHours: null } });
    clock.advance(34 * MINUTE);
    expect(titles()).toHaveLength(1);
    clock.advance(MINUTE);
    expect(titles().at(-1)).toBe('Ticket #1 breaches in 5 minutes');
  });

  it('follows the thresholds of the policy version each ticket runs under, not the newest version', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    // Version 2 (warn 50 minutes ahead) takes effect next week; these tickets were filed under version 1 (45).
    const nextWeek = '2026-12-01T00:00:00.000Z';
    await notifier.observe(page([twoVersionPolicyChange([45], [50], nextWeek), upsert(ticket({ id: 't-1', dueAt: DUE, policyVersion: 1 }))]));
    clock.advance(11 * MINUTE);
    expect(titles()).toEqual([]);
    clock.advance(5 * MINUTE);
    expect(titles()).toEqual(['Ticket #1 breaches in 45 minutes']);
    // A ticket filed under version 2 follows version 2.
    await notifier.observe(page([upsert(ticket({ id: 't-2', number: 2, dueAt: '2026-11-24T17:00:00.000Z', policyVersion: 2 }))]));
    clock.advance(113 * MINUTE); // 16:09, 51 minutes before t-2's due instant
    expect(titles()).not.toContain('Ticket #2 breaches in 50 minutes');
    clock.advance(MINUTE);
    expect(titles().at(-1)).toBe('Ticket #2 breaches in 50 minutes');
  });

  it('catches up with one notification for the most severe point passed while it was not running', async () => {
    const clock = new FakeClock(Date.parse('2026-11-24T14:55:00.000Z'));
    const { notifier, shown } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-2', dueAt: DUE }))]));
    expect(shown.map((n) => n.title)).toEqual(['Ticket #2 breaches in 5 minutes']);
    clock.advance(10 * MINUTE);
    expect(shown.at(-1)?.title).toBe('Ticket #2 breached its response deadline');
    expect(shown).toHaveLength(2);
  });

  it('does not watch tickets assigned to another engineer once it knows who is signed in', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    notifier.configure({ engineerId: 'eng-ana' });
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE, assigneeId: 'eng-ben' })), upsert(ticket({ id: 't-2', dueAt: DUE, assigneeId: 'eng-ana' })), upsert(ticket({ id: 't-3', dueAt: DUE }))]));
    clock.advance(31 * MINUTE);
    expect(titles()).toEqual(['2 tickets breach within 30 minutes']);
  });
});

describe('deadline notifier: bursts', () => {
  it('counts whole seconds left: tickets due milliseconds apart do not read a minute later', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    // Filed in the same instant on the backend, their due instants differ by the milliseconds between the inserts.
    const rows = [0, 3, 400].map((ms, n) => ticket({ id: `t-${n + 1}`, number: n + 1, dueAt: new Date(Date.parse(DUE) + ms).toISOString() }));
    await notifier.observe(page(rows.map((row) => upsert(row))));
    clock.advance(31 * MINUTE);
    expect(titles()).toEqual(['3 tickets breach within 30 minutes']);
  });
  it('groups tickets reaching a threshold together into one notification, most urgent first', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, shown } = recordingNotifier(clock);
    await notifier.start();
    // Due 15 s apart: when the first reaches a threshold, the others (within the lookahead) join it.
    const rows = [1, 2, 3, 4, 5].map((n) => ticket({ id: `t-${n}`, number: n, dueAt: new Date(Date.parse(DUE) + (5 - n) * 15_000).toISOString() }));
    await notifier.observe(page(rows.map((row) => upsert(row))));
    clock.advance(50 * MINUTE);
    const tenMinutes = shown.filter((n) => n.title.includes('within'));
    // The minutes are the real time left to the last of them (30 min 60 s), rounded up.
    expect(tenMinutes.map((n) => n.title)).toEqual(['5 tickets breach within 31 minutes', '5 tickets breach within 11 minutes']);
    expect(tenMinutes[1]?.ticketIds).toEqual(['t-5', 't-4', 't-3', 't-2', 't-1']);
    expect(tenMinutes[1]?.body.split('\n')[0]).toBe('#5 Subject of t-5');
    clock.advance(20 * MINUTE);
    // Breaches never fire early, so they come one by one as each moment passes.
    expect(shown.slice(2).map((n) => n.title)).toEqual([5, 4, 3, 2, 1].map((n) => `Ticket #${n} breached its response deadline`));
  });

  it('first sync with many overdue tickets makes one notification, listing five and counting the rest', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, shown } = recordingNotifier(clock);
    await notifier.start();
    const overdue = Array.from({ length: 8 }, (_, i) => upsert(ticket({ id: `t-${i + 1}`, number: i + 1, dueAt: new Date(Date.parse(START) - (i + 1) * MINUTE).toISOString() })));
    const soon = upsert(ticket({ id: 't-20', number: 20, dueAt: new Date(Date.parse(START) + 8 * MINUTE).toISOString() }));
    await notifier.observe(page([...overdue, soon]));
    expect(shown).toHaveLength(1);
    expect(shown[0]?.title).toBe('9 tickets breach within 8 minutes');
    expect(shown[0]?.body.split('\n')).toEqual(['8 already breached.', '#8 Subject of t-8', '#7 Subject of t-7', '#6 Subject of t-6', '#5 Subject of t-5', '#4 Subject of t-4', 'and 4 more']);
  });

  it('does not fire an approach alert early on its own: only to join a burst that is firing anyway', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE }))]));
    clock.advance(29 * MINUTE);
    expect(titles()).toEqual([]);
  });
});

describe('deadline notifier: snooze and quiet hours', () => {
  it('holds a snoozed ticket until the snooze ends, then shows the most severe point passed', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE })), upsert(ticket({ id: 't-2', dueAt: DUE }))]));
    await notifier.snooze(['t-1'], 45);
    clock.advance(31 * MINUTE);
    expect(titles()).toEqual(['Ticket #2 breaches in 30 minutes']);
    clock.advance(20 * MINUTE); // the snooze ends at 14:45; at 14:50 both reach 10 minutes together
    expect(titles()).toEqual(['Ticket #2 breaches in 30 minutes', 'Ticket #1 breaches in 15 minutes', '2 tickets breach within 10 minutes']);
  });

  it('waits outside working hours, except for Platinum and urgent tickets, and catches up when work starts', async () => {
    const clock = new FakeClock(Date.parse('2026-11-24T03:00:00.000Z')); // Monday 22:00 in New York
    const { notifier, shown } = recordingNotifier(clock, {
      settings: { zone: 'America/New_York', thresholdsMinutes: null, workingHours: { start: '08:00', end: '17:00', weekdays: [1, 2, 3, 4, 5] } },
    });
    await notifier.start();
    const due = '2026-11-24T04:00:00.000Z'; // 23:00 in New York
    await notifier.observe(page([
      upsert(ticket({ id: 't-1', number: 1, dueAt: due, plan: 'gold' })),
      upsert(ticket({ id: 't-2', number: 2, dueAt: due, plan: 'platinum' })),
      upsert(ticket({ id: 't-3', number: 3, dueAt: due, plan: 'silver', urgent: true })),
    ]));
    clock.advance(2 * 60 * MINUTE);
    expect(shown.map((n) => [n.title, n.ticketIds])).toEqual([
      ['2 tickets breach within 30 minutes', ['t-2', 't-3']],
      ['2 tickets breach within 10 minutes', ['t-2', 't-3']],
      ['2 tickets breached their response deadline', ['t-2', 't-3']],
    ]);
    clock.advanceTo('2026-11-24T12:59:00.000Z'); // 07:59
    expect(shown).toHaveLength(3);
    clock.advanceTo('2026-11-24T13:00:00.000Z'); // 08:00: working hours begin
    expect(shown.at(-1)).toMatchObject({ title: 'Ticket #1 breached its response deadline', ticketIds: ['t-1'] });
    expect(shown).toHaveLength(4);
  });
});

describe('deadline notifier: changed due instants', () => {
  it('reschedules when the due instant moves (plan change) and notifies the new thresholds afresh', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE }), 1)]));
    clock.advance(31 * MINUTE); // 14:31, 30-minute alert shown
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: '2026-11-24T16:00:00.000Z', plan: 'silver' }), 2)]));
    clock.advance(60 * MINUTE); // 15:31: the old 10-minute and breach moments passed silently
    expect(titles()).toEqual(['Ticket #1 breaches in 30 minutes', 'Ticket #1 breaches in 30 minutes']);
    clock.advance(30 * MINUTE);
    expect(titles().slice(2)).toEqual(['Ticket #1 breaches in 10 minutes', 'Ticket #1 breached its response deadline']);
  });

  it('cancels on a staff reply, on solved, on deletion and on an account purge; ignores a stale page', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles, counts } = recordingNotifier(clock);
    await notifier.start();
    const rows = [1, 2, 3, 4, 5].map((n) => ticket({ id: `t-${n}`, number: n, dueAt: DUE, accountId: n === 4 ? 'acc-gone' : 'acc-1' }));
    await notifier.observe(page(rows.map((row) => upsert(row, 10))));
    await notifier.observe(page([
      upsert({ ...rows[0]!, firstStaffReplyAt: '2026-11-24T14:05:00.000Z' }, 11),
      upsert({ ...rows[1]!, status: 'solved' }, 11),
      { op: 'delete', entity: 'ticket', id: 't-3', version: 11 },
      { op: 'purge', accountId: 'acc-gone', version: 11 },
      upsert({ ...rows[4]!, status: 'solved' }, 9), // older than what is known: ignored
    ]));
    clock.advance(2 * 60 * MINUTE);
    expect(titles()).toEqual(['Ticket #5 breaches in 30 minutes', 'Ticket #5 breaches in 10 minutes', 'Ticket #5 breached its response deadline']);
    expect(counts.at(-1)).toEqual({ breached: 1, approaching: 0 });
  });
});

describe('deadline notifier: restart and counts', () => {
  it('reloads its persisted state after a restart: nothing repeats, nothing is lost', async () => {
    const clock = new FakeClock(Date.parse(START));
    const first = recordingNotifier(clock);
    await first.notifier.start();
    await first.notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE })), upsert(ticket({ id: 't-2', dueAt: '2026-11-24T17:00:00.000Z' }))]));
    await first.notifier.snooze(['t-2'], 24 * 60);
    clock.advance(31 * MINUTE);
    expect(first.titles()).toEqual(['Ticket #1 breaches in 30 minutes']);
    await first.notifier.flushed();
    first.notifier.stop();

    clock.advance(30 * MINUTE); // the app is closed across the breach
    const second = recordingNotifier(clock, { store: first.store });
    await second.notifier.start();
    expect(second.titles()).toEqual(['Ticket #1 breached its response deadline']);
    clock.advance(3 * 60 * MINUTE); // t-2 passes its deadline while snoozed (the snooze was persisted too)
    expect(second.titles()).toEqual(['Ticket #1 breached its response deadline']);
    await second.notifier.flushed();
    second.notifier.stop();

    const third = recordingNotifier(clock, { store: first.store });
    await third.notifier.start();
    expect(third.titles()).toEqual([]);
    expect(third.counts.at(-1)).toEqual({ breached: 2, approaching: 0 });
  });

  it('publishes breached and approaching counts as they change', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, counts } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE })), upsert(ticket({ id: 't-2', dueAt: '2026-11-24T14:20:00.000Z' }))]));
    expect(counts.at(-1)).toEqual({ breached: 0, approaching: 1 });
    clock.advance(20 * MINUTE);
    expect(counts.at(-1)).toEqual({ breached: 1, approaching: 0 });
    clock.advance(10 * MINUTE);
    expect(counts.at(-1)).toEqual({ breached: 1, approaching: 1 });
    expect(counts).toEqual([{ breached: 0, approaching: 0 }, { breached: 0, approaching: 1 }, { breached: 1, approaching: 0 }, { breached: 1, approaching: 1 }]);
  });

  // The index is keyed by workspace id and address: the same address with another workspace behind it is another index.
  it.each([
    ['another backend', TEAM],
    ['the same address, another workspace behind it', { ...DEMO, workspaceId: 'ws-replaced' }],
  ])('starts a fresh index when the workspace changes: %s', async (_case, other) => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles, store } = recordingNotifier(clock);
    await notifier.start();
    await notifier.useWorkspace(DEMO);
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE }))]), DEMO);
    await notifier.useWorkspace(other);
    clock.advance(2 * 60 * MINUTE);
    expect(titles()).toEqual([]);
    expect(store.saved?.current.workspace).toEqual(other);
    expect(store.saved?.current.tickets).toEqual({});
  });

  it('ignores a page of a workspace it is no longer on (a page still on its way at the switch)', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles, store } = recordingNotifier(clock);
    await notifier.start();
    await notifier.useWorkspace(TEAM);
    await notifier.observe(page([upsert(ticket({ id: 't-1', dueAt: DUE }))]), DEMO);
    clock.advance(2 * 60 * MINUTE);
    expect(titles()).toEqual([]);
    expect(store.saved?.current.tickets).toEqual({});
  });

  it('switching back to a workspace it knew does not notify again what it already notified there', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles } = recordingNotifier(clock);
    await notifier.start();
    await notifier.useWorkspace(DEMO);
    await notifier.observe(page([upsert(ticket({ id: 't-1', number: 1, dueAt: DUE }))]), DEMO);
    clock.advance(31 * MINUTE);
    expect(titles()).toHaveLength(1);
    await notifier.useWorkspace(TEAM);
    await notifier.useWorkspace(DEMO);
    // The cache started afresh: the first sync sends the ticket again, unchanged.
    await notifier.observe(page([upsert(ticket({ id: 't-1', number: 1, dueAt: DUE }))]), DEMO);
    clock.advance(MINUTE);
    expect(titles()).toHaveLength(1);
    clock.advance(20 * MINUTE);
    expect(titles()).toHaveLength(2);
  });

  it('adopts an index saved before workspaces had ids when the workspace at its address comes', async () => {
    const clock = new FakeClock(Date.parse(START));
    const { notifier, titles, store } = recordingNotifier(clock);
    await notifier.start();
    await notifier.observe(page([upsert(ticket({ id: 't-1', number: 1, dueAt: DUE }))]));
    clock.advance(31 * MINUTE);
    expect(titles()).toHaveLength(1);
    await notifier.flushed();
    const saved = store.saved;
    if (saved === null) throw new Error('nothing saved');
    store.saved = { ...saved, current: { ...saved.current, workspace: { workspaceId: null, backendUrl: DEMO.backendUrl } } };
    const { notifier: upgraded, titles: after } = recordingNotifier(clock, { store });
    await upgraded.start();
    await upgraded.useWorkspace(DEMO);
    await upgraded.observe(page([upsert(ticket({ id: 't-1', number: 1, dueAt: DUE }))]), DEMO);
    clock.advance(MINUTE);
    expect(after()).toEqual([]);
    expect(store.saved?.current.workspace).toEqual(DEMO);
    upgraded.stop();
    notifier.stop();
  });
});
