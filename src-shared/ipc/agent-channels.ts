import { z } from 'zod';
import { exchangeSignInCodeSchema } from '../contract/admin';
import { revealedLoginDetailSchema } from '../contract/portal';
import { resultSchema } from './result';
import { clockSkewSchema, syncStatusSchema } from './sync-status';
import {
  deadlineCountsSchema,
  engineerSettingsSchema,
  sessionInfoSchema,
  shownNotificationSchema,
  snoozeRequestSchema,
  snoozesSchema,
  unsnoozeRequestSchema,
} from './workspace-settings';

const backendUrlSchema = z.url({ protocol: /^https?$/ }).max(2_000);

/** Requests the renderer makes of the main process, each declared once with its schemas. */
export const agentChannels = {
  'sync:now': { request: z.object({}), response: resultSchema(z.null()) },
  'sync:status': { request: z.object({}), response: resultSchema(syncStatusSchema) },
  'outbox:kick': { request: z.object({}), response: resultSchema(z.null()) },
  'session:sign-in': {
    request: z.object({ backendUrl: backendUrlSchema, token: z.string().min(8).max(500) }),
    response: resultSchema(z.null()),
  },
  /** The usual sign-in: a one-time code from the team lead, which the main process swaps for a token. */
  'session:sign-in-with-code': { request: exchangeSignInCodeSchema.extend({ backendUrl: backendUrlSchema }), response: resultSchema(z.null()) },
  'login-details:reveal': { request: z.object({ id: z.string().min(1).max(64) }), response: resultSchema(revealedLoginDetailSchema) },
  'session:describe': { request: z.object({}), response: resultSchema(sessionInfoSchema) },
  'settings:get': { request: z.object({}), response: resultSchema(engineerSettingsSchema) },
  'settings:set': { request: engineerSettingsSchema, response: resultSchema(z.null()) },
  'notifier:snooze': { request: snoozeRequestSchema, response: resultSchema(snoozesSchema) },
  'notifier:unsnooze': { request: unsnoozeRequestSchema, response: resultSchema(snoozesSchema) },
  'notifier:snoozes': { request: z.object({}), response: resultSchema(snoozesSchema) },
  /** The current counts, for a window that just loaded; `deadlines:counts` events carry the changes. */
  'deadlines:counts': { request: z.object({}), response: resultSchema(deadlineCountsSchema) },
} as const;

/** Events the main process pushes to the renderer. */
export const agentEvents = {
  'sync:status-changed': syncStatusSchema,
  'clock:skew-changed': clockSkewSchema,
  /** A deadline notification was clicked: the window is focused and this ticket opens. */
  'notifier:open-ticket': z.object({ ticketId: z.string().min(1).max(64) }),
  /** Web mode: the renderer shows this as a browser notification (Electron shows it natively). */
  'notifier:show': shownNotificationSchema,
  /** Breached and approaching open tickets, for the tray/dock badge and the window title. */
  'deadlines:counts': deadlineCountsSchema,
  /** The snoozes in force changed (snoozed, lifted, ended, or the ticket no longer has a running deadline). */
  'notifier:snoozes-changed': snoozesSchema,
  /** What `session:describe` answers changed: the engineer is known, or the cache started afresh. */
  'session:changed': sessionInfoSchema,
} as const;

export type AgentChannel = keyof typeof agentChannels;
export type AgentRequest<C extends AgentChannel> = z.infer<(typeof agentChannels)[C]['request']>;
export type AgentResponse<C extends AgentChannel> = z.infer<(typeof agentChannels)[C]['response']>;
export type AgentEvent = keyof typeof agentEvents;
export type AgentEventPayload<E extends AgentEvent> = z.infer<(typeof agentEvents)[E]>;
export type AgentHandlers = { [C in AgentChannel]: (request: AgentRequest<C>) => Promise<AgentResponse<C>> };

/**
 * The name each request takes on the agent API (`window.agent` and web mode's bridge), which both
 * derive their methods from. A channel without a name here does not compile.
 */
export const agentMethods = {
  'sync:now': 'syncNow',
  'sync:status': 'syncStatus',
  'outbox:kick': 'kickOutbox',
  'session:sign-in': 'signIn',
  'session:sign-in-with-code': 'signInWithCode',
  'login-details:reveal': 'revealLoginDetail',
  'session:describe': 'describeSession',
  'settings:get': 'getSettings',
  'settings:set': 'setSettings',
  'notifier:snooze': 'snooze',
  'notifier:unsnooze': 'unsnooze',
  'notifier:snoozes': 'snoozes',
  'deadlines:counts': 'deadlineCounts',
} as const satisfies { readonly [C in AgentChannel]: string };

/** The name of the subscription to each event on the agent API. */
export const agentEventMethods = {
  'sync:status-changed': 'onSyncStatus',
  'clock:skew-changed': 'onClockSkew',
  'notifier:open-ticket': 'onOpenTicket',
  'notifier:show': 'onNotification',
  'deadlines:counts': 'onDeadlineCounts',
  'notifier:snoozes-changed': 'onSnoozes',
  'session:changed': 'onSession',
} as const satisfies { readonly [E in AgentEvent]: `on${string}` };
