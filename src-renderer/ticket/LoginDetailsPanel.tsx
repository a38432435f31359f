import { useState } from 'react';
import { agentApi } from '../bridge/agent';
import type { CacheResult } from '../db/cache-result';
import type { CachedLoginDetail, OutboxEntry } from '../db/cache-rows';
import type { MutationDraft } from '../db/outbox';
import { correctedNow } from '../state/clock';
import { formatInZone } from './format-time';

/** How long a revealed secret stays on screen; it lives only in this component's memory. */
export const REVEAL_SHOWN_MS = 30_000;

interface Revealed {
  id: string;
  secret: string;
  until: number;
}

interface Props {
  ticketId: string;
  details: readonly CachedLoginDetail[];
  zone: string;
  now: number;
  /** Reveal asks the backend: when it cannot be reached, say why instead of trying. */
  offlineReason: string | null;
  act(draft: MutationDraft): Promise<CacheResult<OutboxEntry>>;
}

/** Reveal asks the backend every time (online only); the plaintext is never stored, only shown for a moment. */
function useReveal(now: number) {
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [error, setError] = useState<{ id: string; message: string } | null>(null);
  const expired = revealed !== null && now >= revealed.until;
  const reveal = async (id: string) => {
    setError(null);
    const api = agentApi();
    if (api === null) {
      setError({ id, message: 'Reveal needs the desktop app or web-mode host; this page has no connection to it.' });
      return;
    }
    const answer = await api.revealLoginDetail({ id });
    if (answer.ok) {
      const until = correctedNow() + REVEAL_SHOWN_MS;
      setRevealed({ id, secret: answer.value.secret, until });
      // Forget the plaintext, not only hide it (the shared tick hides it on time in between).
      setTimeout(() => setRevealed((current) => (current?.until === until ? null : current)), REVEAL_SHOWN_MS + 1_000);
    } else setError({ id, message: `${answer.error.message} (${answer.error.code})` });
  };
  return { revealed: expired ? null : revealed, error, reveal, hide: () => setRevealed(null) };
}

export function LoginDetailsPanel({ ticketId, details, zone, now, offlineReason, act }: Props) {
  const { revealed, error, reveal, hide } = useReveal(now);
  const [confirming, setConfirming] = useState<string | null>(null);
  const purge = (id: string) => {
    setConfirming(null);
    if (revealed?.id === id) hide();
    void act({ kind: 'purge-login-detail', ticketId, loginDetailId: id });
  };
  return (
    <section className="ticket-panel login-details-panel" aria-label="Login details" data-testid="login-details">
      <h2>Login details</h2>
      {offlineReason !== null && details.length > 0 && <p className="muted">Reveal needs the backend: {offlineReason}.</p>}
      {details.length === 0 ? (
        <p className="muted">None (details are deleted 30 days after submission, or when the customer asks).</p>
      ) : (
        <ul>
          {details.map((d) => (
            <li key={d.id} data-testid="login-detail" data-login-detail-id={d.id}>
              <div>
                <strong>{d.label}</strong> <span className="muted">submitted {formatInZone(d.submittedAt, zone)}, deleted {formatInZone(d.expiresAt, zone)} at the latest</span>
              </div>
              {revealed?.id === d.id && (
                <div className="revealed-secret">
                  <code data-testid="revealed-secret">{revealed.secret}</code>{' '}
                  <span className="muted">hidden in {Math.max(0, Math.ceil((revealed.until - now) / 1000))} s</span>{' '}
                  <button type="button" className="link-button" onClick={hide}>
                    Hide
                  </button>
                </div>
              )}
              {error?.id === d.id && (
                <p className="form-error" role="alert">
                  Could not reveal: {error.message}
                </p>
              )}
              <div className="login-detail-actions">
                <button type="button" onClick={() => void reveal(d.id)} disabled={offlineReason !== null} title={offlineReason === null ? 'Ask the backend for the secret' : `Reveal needs the backend: ${offlineReason}`}>
                  Reveal
                </button>
                {confirming === d.id ? (
                  <>
                    <button type="button" className="danger" onClick={() => purge(d.id)}>
                      Confirm purge
                    </button>
                    <button type="button" className="link-button" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </>
                ) : (
                  <button type="button" onClick={() => setConfirming(d.id)} title="The customer asked for this login detail to be deleted">
                    Purge
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
