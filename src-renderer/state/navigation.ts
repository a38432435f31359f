import { create } from 'zustand';

/** The workspace's views; the ticket view also needs which ticket. */
export type WorkspaceView = 'queue' | 'ticket' | 'accounts' | 'search' | 'reports' | 'settings';

interface NavigationState {
  view: WorkspaceView;
  /** The open ticket (kept when going back to the queue, so the row stays selected). */
  ticketId: string | null;
  /** The account shown in the accounts view, when one is picked. */
  accountId: string | null;
  /**
   * Set by the "r" shortcut: the ticket view focuses its reply composer once it has rendered,
   * then calls `composerFocused()` so a later visit does not steal focus again.
   */
  composerFocusRequested: boolean;
  show(view: WorkspaceView): void;
  openTicket(ticketId: string): void;
  /** Opens the ticket with the reply composer focused. */
  replyToTicket(ticketId: string): void;
  composerFocused(): void;
  openAccount(accountId: string): void;
}

/** UI state only, never a copy of cached rows: the cache is the one source (docs/architecture.md). */
export const useNavigation = create<NavigationState>((set) => ({
  view: 'queue',
  ticketId: null,
  accountId: null,
  composerFocusRequested: false,
  show: (view) => set({ view }),
  openTicket: (ticketId) => set({ view: 'ticket', ticketId, composerFocusRequested: false }),
  replyToTicket: (ticketId) => set({ view: 'ticket', ticketId, composerFocusRequested: true }),
  composerFocused: () => set({ composerFocusRequested: false }),
  openAccount: (accountId) => set({ view: 'accounts', accountId }),
}));
