import { z } from 'zod';
import { fail, ok, type Result } from '@shared/ipc/result';
import type { ChangePage, HelpdeskTicket, HighWaterMark } from '../helpdesk-connector';
import type { RtHistoryEntry } from './read-history';
import { rtMaxPerPage, ticketSqlInstant, type RtClient } from './rt-client';
import { mapTicket, type RtMapping } from './rt-mapping';
import type { RtTicket } from './rt-schemas';

/**
 * Where a run of pages stands. `h` is the run's horizon: only tickets last updated before it are
 * read, so a change made while the run pages (in the same second as the position, by a ticket with
 * a lower id) can never fall behind the position: it lands at or after the horizon, for the next run.
 */
const positionSchema = z.object({
  h: z.string(),
  t: z.string().nullable(),
  i: z.number().int().nonnegative(),
  /** Deletions not yet handed out: [instant, ticket id]. Searches never list deleted tickets. */
  d: z.array(z.tuple([z.string(), z.number().int()])),
});
type Position = z.infer<typeof positionSchema>;

export interface ChangeOptions {
  perPage?: number;
  /** Histories read at once. */
  width?: number;
  /** How far behind the clock the horizon stays, for clock differences with RT. */
  settleMs?: number;
  now?: () => Date;
}

const encode = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

function decode(page: string): Result<Position> {
  try {
    return ok(positionSchema.parse(JSON.parse(Buffer.from(page, 'base64url').toString('utf8'))));
  } catch {
    return fail('invalid', 'the change page token is not one this connector made');
  }
}

const plusSecond = (iso: string) => new Date(Date.parse(iso) + 1_000);
const before = (a: [string, number], b: [string, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

async function allPages<T>(read: (page: number) => Promise<Result<{ items: T[]; nextPage: number | null }>>): Promise<Result<T[]>> {
  const items: T[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const answer = await read(page);
    if (!answer.ok) return answer;
    items.push(...answer.value.items);
    page = answer.value.nextPage;
  }
  return ok(items);
}

/** Runs `work` on every item, `width` at a time, keeping the order; the first error wins. */
async function inOrder<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<Result<R>>): Promise<Result<R[]>> {
  const results: Array<Result<R>> = new Array<Result<R>>(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  }));
  const failed = results.find((result) => !result.ok);
  return failed !== undefined && !failed.ok ? failed : ok(results.map((result) => (result as { value: R }).value));
}

/**
 * The seam's changesSince for RT: keyset pages over (LastUpdated, id) of the mapped queues, each
 * ticket with its whole history, deletions (found through RT's transactions) slotted in by their
 * instant, and the tickets merged away named just before their survivor.
 */
export class RtChanges {
  constructor(
    private readonly client: RtClient,
    private readonly mapping: RtMapping,
    private readonly options: ChangeOptions = {},
  ) {}

  async page(mark: HighWaterMark, token: string | null): Promise<Result<ChangePage>> {
    const position = token === null ? await this.start(mark) : decode(token);
    if (!position.ok) return position;
    const { h, t, i } = position.value;
    const perPage = this.options.perPage ?? 50;
    const found = await this.client.searchTickets(this.query(h, t, i), 1, perPage);
    if (!found.ok) return found;
    const items = found.value.items.filter((ticket) => ticket.LastUpdated !== null);
    const last = items.at(-1);
    const done = found.value.nextPage === null || last === undefined;
    const lastKey: [string, number] | null = last === undefined ? null : [last.LastUpdated as string, last.id];
    const due = position.value.d.filter((deletion) => done || (lastKey !== null && before(deletion, lastKey)));
    const rest = position.value.d.filter((deletion) => !due.includes(deletion));
    const tickets = await this.ordered(items, due);
    if (!tickets.ok) return tickets;
    const next = done || lastKey === null ? null : encode({ h, t: lastKey[0], i: lastKey[1], d: rest });
    return ok({ tickets: tickets.value, next });
  }

  private async start(mark: HighWaterMark): Promise<Result<Position>> {
    this.mapping.people.forget();
    const now = (this.options.now ?? (() => new Date()))().getTime();
    const horizon = new Date(Math.floor((now - (this.options.settleMs ?? 2_000)) / 1_000) * 1_000).toISOString().replace('.000Z', 'Z');
    // A first run has nothing to delete.
    if (mark.updatedAt === null) return ok({ h: horizon, t: null, i: 0, d: [] });
    const after = /^\d+$/.test(mark.externalId ?? '') ? Number(mark.externalId) : 0;
    const markKey: [string, number] = [new Date(mark.updatedAt).toISOString().replace('.000Z', 'Z'), after];
    const since = new Date(mark.updatedAt);
    const deletions = await allPages((page) => this.client.deletionsSince(since, page, rtMaxPerPage));
    if (!deletions.ok) return deletions;
    const d = deletions.value
      .filter((deletion) => deletion.Created !== null && deletion.Created < horizon)
      .map((deletion): [string, number] => [deletion.Created as string, deletion.ObjectId])
      .filter((key) => !before(key, markKey))
      .sort((a, b) => (before(a, b) ? -1 : 1));
    return ok({ h: horizon, t: markKey[0], i: after, d });
  }

  private query(horizon: string, since: string | null, afterId: number): string {
    const queues = Object.keys(this.mapping.config.queues).map((name) => `Queue = '${name.replace(/'/g, "\\'")}'`);
    const clauses = [`(${queues.join(' OR ')})`, `LastUpdated < '${ticketSqlInstant(new Date(horizon))}'`];
    if (since !== null) clauses.push(`LastUpdated >= '${ticketSqlInstant(new Date(since))}'`);
    // RT instants are whole seconds: "after (t, id)" is "t + 1 s or later, or t and a higher id".
    if (since !== null && afterId > 0) clauses.push(`(LastUpdated >= '${ticketSqlInstant(plusSecond(since))}' OR id > ${afterId})`);
    return clauses.join(' AND ');
  }

  /** The page's tickets and due deletions in (instant, id) order, each ready for the mirror. */
  private async ordered(items: RtTicket[], deletions: Array<[string, number]>): Promise<Result<HelpdeskTicket[]>> {
    type Slot = { key: [string, number]; ticket: RtTicket | null };
    const slots: Slot[] = [...items.map((ticket): Slot => ({ key: [ticket.LastUpdated as string, ticket.id], ticket })), ...deletions.map((key): Slot => ({ key, ticket: null }))];
    slots.sort((a, b) => (before(a.key, b.key) ? -1 : 1));
    const mapped = await inOrder(slots, this.options.width ?? 4, (slot) => (slot.ticket === null ? this.deleted(slot.key) : this.whole(slot.ticket)));
    return mapped.ok ? ok(mapped.value.flat()) : mapped;
  }

  private async whole(ticket: RtTicket): Promise<Result<HelpdeskTicket[]>> {
    const history = await allPages<RtHistoryEntry>((page) => this.client.ticketHistory(ticket.id, page, rtMaxPerPage));
    if (!history.ok) return history;
    const mapped = await mapTicket(this.mapping, ticket, history.value);
    if (!mapped.ok) return mapped;
    const survivor = mapped.value.ticket;
    const away = mapped.value.mergedAway.map((externalId): HelpdeskTicket => ({ ...survivor, externalId, mergedInto: survivor.externalId, entries: [] }));
    return ok([...away, survivor]);
  }

  private async deleted([at, id]: [string, number]): Promise<Result<HelpdeskTicket[]>> {
    const ticket = await this.client.ticket(id);
    if (!ticket.ok) return ticket.error.code === 'not-found' ? ok([]) : ticket;
    // Undeleted since, or merged (RT then answers with the survivor): the ticket search has it.
    if (ticket.value.Status !== 'deleted' || ticket.value.id !== id) return ok([]);
    const mapped = await mapTicket(this.mapping, ticket.value, []);
    if (!mapped.ok) return mapped.error.code === 'unmapped' ? ok([]) : mapped;
    return ok([{ ...mapped.value.ticket, deleted: true, updatedAt: at }]);
  }
}
