import { create } from 'zustand';

export type ComposerMode = 'reply' | 'note';

interface Draft {
  text: string;
  mode: ComposerMode;
}

interface ComposerDrafts {
  /** Unsent text per ticket, so switching tickets keeps what the engineer typed (UI state only). */
  drafts: Record<string, Draft>;
  /** Bumped to ask the composer to take focus (shortcut, inserted suggestion). */
  focusNonce: number;
  setDraft(ticketId: string, patch: Partial<Draft>): void;
  clear(ticketId: string): void;
  /** Puts a suggested reply into the composer as a public reply, after any text already there. */
  insertReply(ticketId: string, text: string): void;
  requestFocus(): void;
}

export const EMPTY_DRAFT: Draft = { text: '', mode: 'reply' };

export const useComposerDrafts = create<ComposerDrafts>((set) => ({
  drafts: {},
  focusNonce: 0,
  setDraft: (ticketId, patch) => set((s) => ({ drafts: { ...s.drafts, [ticketId]: { ...(s.drafts[ticketId] ?? EMPTY_DRAFT), ...patch } } })),
  clear: (ticketId) =>
    set((s) => {
      const { [ticketId]: _gone, ...rest } = s.drafts;
      return { drafts: rest };
    }),
  insertReply: (ticketId, text) =>
    set((s) => {
      const current = s.drafts[ticketId]?.text.trim() ?? '';
      return { drafts: { ...s.drafts, [ticketId]: { mode: 'reply', text: current === '' ? text : `${current}\n\n${text}` } }, focusNonce: s.focusNonce + 1 };
    }),
  requestFocus: () => set((s) => ({ focusNonce: s.focusNonce + 1 })),
}));
