import { fail, ok, type Result } from '@shared/ipc/result';
import type { SnoozeRequest } from '@shared/ipc/workspace-settings';
import { agentApi } from '../bridge/agent';
import { showSnoozes } from '../state/snoozes';

export type SnoozeLength = Omit<SnoozeRequest, 'ticketIds'>;

/** The lengths the ticket view offers; the queue's `s` key takes the hour. */
export const SNOOZE_CHOICES: ReadonlyArray<{ label: string; title: string; length: SnoozeLength }> = [
  { label: '15 min', title: 'Hold its deadline notifications for 15 minutes', length: { minutes: 15 } },
  { label: '1 hour', title: 'Hold its deadline notifications for an hour', length: { minutes: 60 } },
  {
    label: 'Until next working hours',
    title: 'Hold its deadline notifications until your working hours next begin (Settings; Monday to Friday from 09:00 when none are set)',
    length: { until: 'next-working-hours' },
  },
];
export const QUEUE_SNOOZE: SnoozeLength = { minutes: 60 };

const NO_AGENT = 'Not connected to the Support Agent host, whose notifier holds the snoozes.';

/** Snoozes a ticket's deadline notifications; resolves to when the snooze ends (the backend's time, ms). */
export async function snoozeTicket(ticketId: string, length: SnoozeLength): Promise<Result<number>> {
  const api = agentApi();
  if (api === null) return fail('no-agent', NO_AGENT);
  const answer = await api.snooze({ ticketIds: [ticketId], ...length });
  if (!answer.ok) return answer;
  showSnoozes(answer.value);
  const until = answer.value.snoozes.find((s) => s.ticketId === ticketId)?.untilMs;
  return until === undefined ? fail('not-snoozed', 'The notifier did not keep the snooze.') : ok(until);
}

/** Lifts a ticket's snooze: what it passed meanwhile is notified at once. */
export async function unsnoozeTicket(ticketId: string): Promise<Result<null>> {
  const api = agentApi();
  if (api === null) return fail('no-agent', NO_AGENT);
  const answer = await api.unsnooze({ ticketIds: [ticketId] });
  if (!answer.ok) return answer;
  showSnoozes(answer.value);
  return ok(null);
}
