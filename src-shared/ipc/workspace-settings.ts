import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24-hour)');
const ticketId = z.string().min(1).max(64);

/**
 * The engineer's own settings, kept by the main process because its notifier needs them while the
 * window is closed. The workspace policy (calendar, targets) is the backend's and is not here.
 */
export const engineerSettingsSchema = z.object({
  /** IANA zone the engineer reads times in, and in which working hours are counted. */
  zone: z.string().min(1).max(64),
  /** Minutes before a due instant to notify at; null follows the workspace policy (default 30 and 10). */
  thresholdsMinutes: z.array(z.number().int().min(1).max(24 * 60)).min(1).max(5).nullable(),
  /** Outside these hours notifications wait (Platinum and urgent tickets excepted); null: never quiet. */
  workingHours: z
    .object({ start: clockTime, end: clockTime, weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7) })
    .nullable(),
});
export type EngineerSettings = z.infer<typeof engineerSettingsSchema>;

/**
 * Which backend the agent talks to (`demo` when it is the embedded demo workspace) and which engineer
 * is signed in (null until the backend has said so, e.g. while offline since launch). Sent again as
 * `session:changed` when the backend names the engineer or the cache starts afresh.
 */
export const sessionInfoSchema = z.object({
  backendUrl: z.string().nullable(),
  demo: z.boolean(),
  engineerId: z.string().max(64).nullable(),
  /** Said once the cache started afresh for this session's workspace (and what became of unsent actions); null otherwise. */
  workspaceNotice: z.string().max(1_000).nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

/** Beyond this many snoozed tickets at once a snooze is refused: lift some first. */
export const MAX_SNOOZED_TICKETS = 10_000;

const ticketIds = z.array(ticketId).min(1).max(1_000);

/**
 * Holds the deadline notifications of these tickets, for `minutes` from now or `until` the engineer's
 * working hours next begin (Settings; Monday to Friday from 09:00 when none are set). Exactly one of the two.
 */
export const snoozeRequestSchema = z
  .object({ ticketIds, minutes: z.number().int().min(1).max(24 * 60).optional(), until: z.literal('next-working-hours').optional() })
  .refine((r) => (r.minutes === undefined) !== (r.until === undefined), { message: "give either minutes or until: 'next-working-hours'", path: ['minutes'] });
export type SnoozeRequest = z.infer<typeof snoozeRequestSchema>;

export const unsnoozeRequestSchema = z.object({ ticketIds });

/** The snoozes in force: until when (the backend's time, epoch ms) each ticket's notifications wait. */
export const snoozesSchema = z.object({ snoozes: z.array(z.object({ ticketId, untilMs: z.number().int() })).max(MAX_SNOOZED_TICKETS) });
export type Snoozes = z.infer<typeof snoozesSchema>;

export const shownNotificationSchema = z.object({
  id: z.string().min(1).max(200),
  title: z.string().max(500),
  body: z.string().max(2_000),
  /** The tickets it is about; clicking opens the first. */
  ticketIds: z.array(ticketId).min(1).max(1_000),
});
export type ShownNotification = z.infer<typeof shownNotificationSchema>;

export const deadlineCountsSchema = z.object({ breached: z.number().int().nonnegative(), approaching: z.number().int().nonnegative() });
export type DeadlineCounts = z.infer<typeof deadlineCountsSchema>;
