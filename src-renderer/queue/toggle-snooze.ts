import { snoozeTicket, unsnoozeTicket, QUEUE_SNOOZE } from '../shell/snooze-actions';
import { correctedNow } from '../state/clock';
import { useSnoozes } from '../state/snoozes';
import { formatInZone } from './format-time';

/**
 * The queue's `s` key: snoozes the ticket's deadline notifications for an hour, or lifts the snooze
 * of a snoozed one. Resolves to the words the queue shows about it.
 */
export async function toggleSnooze(ticketId: string, number: number, zone: string): Promise<string> {
  const until = useSnoozes.getState().byTicket[ticketId];
  if (until !== undefined && until > correctedNow()) {
    const lifted = await unsnoozeTicket(ticketId);
    return lifted.ok ? `Un-snoozed #${number}: its deadline notifications are on again.` : `Could not un-snooze #${number}: ${lifted.error.message}`;
  }
  const snoozed = await snoozeTicket(ticketId, QUEUE_SNOOZE);
  return snoozed.ok ? `Snoozed the deadline notifications of #${number} until ${formatInZone(snoozed.value, zone)}.` : `Could not snooze #${number}: ${snoozed.error.message}`;
}
