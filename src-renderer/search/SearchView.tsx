import { useRef, useState, type KeyboardEvent } from 'react';
import { useNavigation } from '../state/navigation';
import { useSession } from '../state/session';
import { formatInZone } from '../ticket/format-time';
import { RESULT_LIMIT, type SearchHit } from './run-search';
import { useSearch } from './use-search';
import './search.css';

function IndexStatus({ state }: { state: ReturnType<typeof useSearch>['index'] }) {
  if (state.error !== null) return <p className="notice notice-error" role="alert">Search index: {state.error}</p>;
  const { progress, where } = state;
  const count = progress.indexed.toLocaleString('en-US');
  const text =
    where === null
      ? 'Starting the search index…'
      : progress.state === 'ready'
        ? `${count} subjects and messages indexed${where === 'page' ? ' (in the page: workers are unavailable here)' : ''}.`
        : `Indexing the cache: ${count} of ${progress.total.toLocaleString('en-US')} subjects and messages…`;
  return (
    <p className="panel-note" data-testid="search-index-status" data-index-state={where === null ? 'starting' : progress.state} data-index-where={where ?? ''}>
      {text}
    </p>
  );
}

function HitView({ hit, zone, onOpen }: { hit: SearchHit; zone: string; onOpen(id: string): void }) {
  return (
    <li>
      <button type="button" className="search-hit" data-testid="search-result" data-ticket-id={hit.ticketId} onClick={() => onOpen(hit.ticketId)}>
        <span className="search-hit-head">
          <span className="ticket-number">#{hit.number}</span>
          <span className="search-hit-subject">{hit.subject}</span>
          <span className="muted">{hit.status}</span>
        </span>
        <span className="search-snippet" data-testid="search-snippet">
          {hit.snippet.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
        </span>
        <span className="search-hit-source muted">
          {hit.source.kind === 'subject' ? 'in the subject' : `${hit.source.authorName}, ${formatInZone(hit.source.createdAt, zone)}`}
        </span>
      </button>
    </li>
  );
}

/** Offline full-text search over every cached ticket's subject and conversation. */
export function SearchView() {
  const [query, setQuery] = useState('');
  const { index, hits, error } = useSearch(query);
  const openTicket = useNavigation((s) => s.openTicket);
  const zone = useSession((s) => s.settings.zone);
  const listRef = useRef<HTMLOListElement>(null);
  const moveFocus = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('.search-hit') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[event.key === 'ArrowDown' ? at + 1 : at - 1];
    if (next !== undefined) {
      event.preventDefault();
      next.focus();
    }
  };
  return (
    <section className="panel search-view" aria-label="Search" onKeyDown={moveFocus}>
      <div className="panel-heading">
        <h2>Search tickets</h2>
        <input
          type="search"
          className="search-input"
          aria-label="Search subjects and messages"
          placeholder='Words from a subject or message; "quotes" for an exact phrase'
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
        />
        <IndexStatus state={index} />
      </div>
      {error !== null && (
        <p className="notice notice-error" role="alert">
          The search failed: {error}
        </p>
      )}
      {hits !== null && (
        <p className="panel-note search-count" data-testid="search-count" aria-live="polite">
          {hits.length === 0 ? 'No cached ticket matches.' : hits.length === 1 ? '1 ticket' : `${hits.length}${hits.length === RESULT_LIMIT ? '+' : ''} tickets`}
        </p>
      )}
      <ol className="search-results" ref={listRef}>
        {hits?.map((hit) => <HitView key={hit.ticketId} hit={hit} zone={zone} onOpen={openTicket} />)}
      </ol>
    </section>
  );
}
