import type { CachedMessage, OutboxEntry } from '../db/cache-rows';
import { useAgentCache } from '../db/cache-context';
import { dismissRejected } from '../db/outbox';
import { conversationItems, type ConversationItem } from './conversation-model';
import { InstantText } from './InstantText';

interface Props {
  messages: readonly CachedMessage[];
  outbox: readonly OutboxEntry[];
  zone: string;
  calendarZone: string;
}

function authorLabel(message: CachedMessage): string {
  if (message.authorKind === 'system') return `${message.authorName} (system)`;
  return message.authorKind === 'staff' ? `${message.authorName} (staff)` : message.authorName;
}

function MessageItem({ item, zone, calendarZone }: { item: Extract<ConversationItem, { kind: 'message' }>; zone: string; calendarZone: string }) {
  const { message, delivery } = item;
  const visibility = message.public ? 'public' : 'internal';
  return (
    <li className={`message message-${visibility} message-${message.authorKind}${delivery ? ' message-waiting' : ''}`} data-testid="message" data-visibility={visibility} data-delivery={delivery ?? 'synced'}>
      <div className="message-meta">
        <span className="message-author">{authorLabel(message)}</span>
        <span className={`visibility-tag visibility-${visibility}`}>{message.public ? 'Public' : 'Internal note'}</span>
        {delivery && <span className="delivery-tag">{delivery === 'sending' ? 'Sending…' : 'Waiting to be sent'}</span>}
        <InstantText iso={message.createdAt} zone={zone} calendarZone={calendarZone} />
      </div>
      <div className="message-body">{message.body}</div>
    </li>
  );
}

function RejectedItem({ item }: { item: Extract<ConversationItem, { kind: 'rejected' }> }) {
  const db = useAgentCache();
  return (
    <li className="message message-rejected" data-testid="rejected-action" role="alert">
      <div className="message-meta">
        <strong>{item.summary}</strong>
        <button type="button" className="link-button" onClick={() => void dismissRejected(db, item.entry.idempotencyKey)}>
          Dismiss
        </button>
      </div>
      <div className="rejected-reason">{item.reason}</div>
      {item.body !== null && <div className="message-body">{item.body}</div>}
    </li>
  );
}

/** The history from the cache (offline too): public and internal apart, waiting and refused ones marked. */
export function ConversationPanel({ messages, outbox, zone, calendarZone }: Props) {
  const items = conversationItems(messages, outbox);
  return (
    <section className="ticket-panel conversation" aria-label="Conversation" data-testid="conversation">
      <h2>Conversation</h2>
      {items.length === 0 ? (
        <p className="muted">No messages in the cache for this ticket.</p>
      ) : (
        <ol className="message-list">
          {items.map((item) =>
            item.kind === 'message' ? (
              <MessageItem key={item.message.id} item={item} zone={zone} calendarZone={calendarZone} />
            ) : (
              <RejectedItem key={`rejected-${item.entry.idempotencyKey}`} item={item} />
            ),
          )}
        </ol>
      )}
    </section>
  );
}
