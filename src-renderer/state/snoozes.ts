import { create } from 'zustand';
import type { Snoozes } from '@shared/ipc/workspace-settings';
import { useClock } from './clock';

interface SnoozeState {
  /** Ticket id -> until when (the backend's time, epoch ms) its deadline notifications wait. */
  byTicket: Readonly<Record<string, number>>;
  /** Whether the main process has said yet (an event that came first is newer than the first answer). */
  known: boolean;
}

/** The snoozes the main process's notifier holds, as it last told the UI. */
export const useSnoozes = create<SnoozeState>(() => ({ byTicket: {}, known: false }));

export function showSnoozes(snoozes: Snoozes): void {
  useSnoozes.setState({ byTicket: Object.fromEntries(snoozes.snoozes.map((s) => [s.ticketId, s.untilMs])), known: true });
}

/**
 * Until when this ticket's notifications are snoozed, or null. Re-renders the caller when a snooze
 * starts, ends on the shared clock, or is lifted; not on every tick.
 */
export function useSnoozedUntil(ticketId: string): number | null {
  const until = useSnoozes((s) => s.byTicket[ticketId]);
  const inForce = useClock((clock) => until !== undefined && until > clock.now);
  return inForce && until !== undefined ? until : null;
}
