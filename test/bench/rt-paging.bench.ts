import { loadavg } from 'node:os';
import { RtClient } from '../../src-backend/connectors/request-tracker/rt-client';
import { startSuiteRt, type SuiteRt } from '../support/request-tracker';
import { rtSkipReason } from '../support/rt-skip';
import { benchRtMirror } from './rt-mirror';

const TICKETS = 1_000;
const BULK = 100;
const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;
const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/** Runs `work` on every item with at most `width` at a time. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++] as T);
  }));
}

/**
 * 1,000 tickets, each created with a message (bulk), then a reply, an owner and a status: five
 * transactions, two with text. Returns the ids.
 */
async function fill(rt: SuiteRt): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < TICKETS; start += BULK) {
    const batch = Array.from({ length: BULK }, (_, i) => ({
      Queue: 'General',
      Subject: `Bench ticket ${start + i}`,
      Requestor: `customer${(start + i) % 97}@example.test`,
      Content: `The export to CSV fails with error ${start + i}. Steps: open the report, choose CSV, press export.`,
      ContentType: 'text/plain',
    }));
    const created = await rt.rest<Array<{ id: string }>>('POST', '/tickets/bulk', batch);
    ids.push(...created.map((ticket) => Number(ticket.id)));
  }
  for (let start = 0; start < TICKETS; start += BULK) {
    await rt.rest('PUT', '/tickets/bulk', ids.slice(start, start + BULK).map((id) => ({ id, Owner: 'root', Status: 'open' })));
  }
  await inParallel(ids, 4, async (id) => {
    await rt.rest('POST', `/ticket/${id}/correspond`, { Content: `We are looking into it (ticket ${id}).`, ContentType: 'text/plain' });
  });
  return ids;
}

/** Every ticket updated since `since` and all of its history, `width` tickets' histories at a time. */
async function pageAll(client: RtClient, since: Date, width: number): Promise<{ tickets: number; transactions: number; messages: number; requests: number }> {
  const counts = { tickets: 0, transactions: 0, messages: 0, requests: 0 };
  for (let page: number | null = 1; page !== null; ) {
    const answer = await client.ticketsUpdatedSince(since, page);
    counts.requests++;
    if (!answer.ok) throw new Error(answer.error.message);
    await inParallel(answer.value.items, width, async (ticket) => {
      for (let historyPage: number | null = 1; historyPage !== null; ) {
        const history = await client.ticketHistory(ticket.id, historyPage);
        counts.requests += 2;
        if (!history.ok) throw new Error(history.error.message);
        counts.transactions += history.value.items.length;
        counts.messages += history.value.items.filter((entry) => entry.content !== null).length;
        historyPage = history.value.nextPage;
      }
    });
    counts.tickets += answer.value.items.length;
    page = answer.value.nextPage;
  }
  return counts;
}

/**
 * RT's own paging rate through the connector's client: how fast a first import could read 1,000
 * tickets with their history, one ticket at a time and four at a time (rt-server runs several
 * workers). The client's request budget is lifted so the figures are RT's. Then the mirror's
 * first run over the same tickets, in the same run, against that rate.
 */
export async function benchRtPaging(): Promise<string[]> {
  if (rtSkipReason !== null) return [`skipped: ${rtSkipReason}`];
  const rt = await startSuiteRt();
  try {
    const since = new Date(Date.now() - 5_000);
    const filledAt = process.hrtime.bigint();
    const ids = await fill(rt);
    const lines = [`filled ${ids.length.toLocaleString('en-US')} tickets (bulk create, bulk owner+status, one reply each) in ${seconds(filledAt).toFixed(1)} s; ${load()}`];
    const client = new RtClient({ baseUrl: rt.url, token: rt.token, maxRequestsPerSecond: 10_000 });
    let pagingRate = 0;
    for (const width of [1, 4]) {
      const started = process.hrtime.bigint();
      const counts = await pageAll(client, since, width);
      const took = seconds(started);
      if (counts.tickets < TICKETS) throw new Error(`paging found ${counts.tickets} of ${TICKETS} tickets`);
      // The mirror is held to the faster of the two: on a loaded machine either may win.
      pagingRate = Math.max(pagingRate, counts.tickets / took);
      lines.push(
        `${width === 1 ? 'one ticket at a time' : `${width} tickets at a time`}: ${counts.tickets.toLocaleString('en-US')} tickets with ` +
          `${counts.transactions.toLocaleString('en-US')} transactions (${counts.messages.toLocaleString('en-US')} messages) in ${took.toFixed(1)} s: ` +
          `${(counts.tickets / took).toFixed(1)} tickets/s, ${(counts.transactions / took).toFixed(0)} transactions/s, ${(counts.requests / took).toFixed(1)} requests/s; ${load()}`,
      );
    }
    // The mirror reads only finished seconds of RT's clock.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    lines.push(...(await benchRtMirror(rt, TICKETS, pagingRate)));
    return lines;
  } finally {
    await rt.stop();
  }
}
