import { describe, expect, it } from 'vitest';
import type { CachedMessage, OutboxEntry } from '../../../src-renderer/db/cache-rows';
import { conversationItems } from '../../../src-renderer/ticket/conversation-model';
import { message } from '../../integration/cache/cache-fixtures';

const actor = { engineerId: 'eng-ana', engineerName: 'Ana Silva' };

function entry(key: string, kind: 'reply' | 'note', status: OutboxEntry['status'], createdAt: string, error?: OutboxEntry['error']): OutboxEntry {
  return { seq: 1, idempotencyKey: key, mutation: { kind, idempotencyKey: key, ticketId: 't1', body: `${kind} ${key}` }, ticketId: 't1', accountId: 'acc-1', actor, status, createdAt, ...(error ? { error } : {}) };
}

describe('conversationItems', () => {
  it('orders synced, waiting and refused entries by time, marking delivery and keeping the reason', () => {
    const synced: CachedMessage = { ...message('m1', 't1', { createdAt: '2026-05-01T10:00:00.000Z' }), _v: 3 };
    const note: CachedMessage = { ...message('m2', 't1', { authorKind: 'staff', public: false, createdAt: '2026-05-01T10:05:00.000Z' }), _v: 4 };
    const local: CachedMessage = { ...message('local-key-00000001', 't1', { authorKind: 'staff', createdAt: '2026-05-01T10:20:00.000Z' }), pending: true, _v: 0 };
    const entries = [
      entry('key-00000001', 'reply', 'sending', '2026-05-01T10:20:00.000Z'),
      entry('key-00000002', 'note', 'rejected', '2026-05-01T10:10:00.000Z', { code: 'not-found', message: 'ticket t1 does not exist' }),
    ];
    const items = conversationItems([synced, note, local], entries);
    expect(items.map((i) => (i.kind === 'message' ? `${i.message.id}:${i.delivery ?? 'synced'}` : `rejected:${i.entry.idempotencyKey}`))).toEqual([
      'm1:synced',
      'm2:synced',
      'rejected:key-00000002',
      'local-key-00000001:sending',
    ]);
    const rejected = items[2];
    expect(rejected).toMatchObject({ kind: 'rejected', summary: 'Internal note not saved', body: 'note key-00000002', reason: 'The server refused it: ticket t1 does not exist (not-found)' });
  });

  it('says in words that the app, not the server, refused an action it no longer accepts', () => {
    const refused = entry('key-00000003', 'reply', 'rejected', '2026-05-01T10:10:00.000Z', { code: 'not-sent', message: 'Reply body: must not contain U+0000 (a control character)' });
    expect(conversationItems([], [refused])).toEqual([
      expect.objectContaining({ kind: 'rejected', reason: 'Not sent: this version of the app no longer accepts it. Reply body: must not contain U+0000 (a control character)' }),
    ]);
  });

  it('a local message without its entry still shows as waiting', () => {
    const local: CachedMessage = { ...message('local-gone', 't1'), pending: true, _v: 0 };
    expect(conversationItems([local], [])).toEqual([{ kind: 'message', message: local, delivery: 'pending' }]);
  });
});
