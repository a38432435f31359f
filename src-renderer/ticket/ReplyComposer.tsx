import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { CacheResult } from '../db/cache-result';
import type { OutboxEntry } from '../db/cache-rows';
import type { MutationDraft } from '../db/outbox';
import { useNavigation } from '../state/navigation';
import { EMPTY_DRAFT, useComposerDrafts, type ComposerMode } from './composer-draft';

interface Props {
  ticketId: string;
  /** Whether a public staff reply has been posted or queued: the first one stops the SLA clock. */
  firstReplyDone: boolean;
  act(draft: MutationDraft): Promise<CacheResult<OutboxEntry>>;
}

/** The shell's "r" shortcut opens the ticket with `composerFocusRequested`: focus once, then say so. */
function useShortcutFocus(focus: () => void): void {
  const requested = useNavigation((s) => s.composerFocusRequested);
  useEffect(() => {
    if (!requested) return;
    focus();
    useNavigation.getState().composerFocused();
  }, [requested, focus]);
}

/** Reply or internal note, through the outbox: stored at once, sent when the backend is reachable. */
export function ReplyComposer({ ticketId, firstReplyDone, act }: Props) {
  const draft = useComposerDrafts((s) => s.drafts[ticketId] ?? EMPTY_DRAFT);
  const focusNonce = useComposerDrafts((s) => s.focusNonce);
  const { setDraft, clear } = useComposerDrafts.getState();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const focus = useCallback(() => area.current?.focus(), []);
  useShortcutFocus(focus);
  useEffect(() => {
    if (focusNonce > 0) focus();
  }, [focusNonce, focus]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (draft.text.trim() === '') {
      setError(draft.mode === 'reply' ? 'The reply is empty: write something first.' : 'The note is empty: write something first.');
      return;
    }
    setBusy(true);
    const result = await act({ kind: draft.mode, ticketId, body: draft.text });
    setBusy(false);
    if (result.ok) {
      clear(ticketId);
      setError(null);
    } else {
      // An action the contract refuses says why in words; anything else names its code too.
      setError(result.error.code === 'invalid-mutation' ? `Not saved. ${result.error.message}` : `Not saved (${result.error.code}): ${result.error.message}`);
    }
  };

  const mode = (m: ComposerMode) => () => setDraft(ticketId, { mode: m });
  const isNote = draft.mode === 'note';
  return (
    <form className={`ticket-panel composer composer-${draft.mode}`} onSubmit={(e) => void submit(e)} data-testid="composer" aria-label="Reply composer">
      <div className="composer-modes" role="radiogroup" aria-label="Message kind">
        <button type="button" role="radio" aria-checked={!isNote} className={!isNote ? 'active' : ''} onClick={mode('reply')}>
          Public reply
        </button>
        <button type="button" role="radio" aria-checked={isNote} className={isNote ? 'active' : ''} onClick={mode('note')}>
          Internal note
        </button>
      </div>
      <textarea
        ref={area}
        aria-label={isNote ? 'Internal note' : 'Public reply'}
        value={draft.text}
        rows={6}
        placeholder={isNote ? 'Only engineers see internal notes.' : 'The customer sees this reply.'}
        onChange={(e) => setDraft(ticketId, { text: e.target.value })}
      />
      <div className="composer-footer">
        <span className="muted">
          {isNote ? 'Internal: does not stop the SLA clock.' : firstReplyDone ? 'Public reply to the customer.' : 'The first public reply stops the SLA clock.'}
        </span>
        <button type="submit" className="primary" disabled={busy}>
          {isNote ? 'Add note' : 'Send reply'}
        </button>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
