import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileTicketSchema } from '@shared/contract';
import { RtClient } from '../../src-backend/connectors/request-tracker/rt-client';
import { openDatabase } from '../../src-backend/db/open-database';
import { createSmallWorkspace } from '../fixtures/small-workspace';
import { startInProcessBackend } from '../support/in-process-backend';
import { startSuiteRt } from '../support/request-tracker';
import { rtSkipReason } from '../support/rt-skip';
import { linkedTicket, postMutations, rtWriteConnector } from '../support/rt-writeback-harness';

const REPLIES = 200;
const TICKETS = 20;
const load = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Times `n` runs of `once`, one after another: "p50 x ms, p95 y ms". */
async function latencies(n: number, once: (i: number) => Promise<void>): Promise<string> {
  const took: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = process.hrtime.bigint();
    await once(i);
    took.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  took.sort((a, b) => a - b);
  return `p50 ${percentile(took, 50).toFixed(1)} ms, p95 ${percentile(took, 95).toFixed(1)} ms, max ${(took.at(-1) ?? NaN).toFixed(1)} ms`;
}

/**
 * Write-back latency: an engineer's reply through the backend's HTTP API (PGlite) to RT and
 * recorded, one at a time, spread over 20 linked tickets. Baselines from the same run: the same
 * reply posted to RT directly through the client (RT's own cost), and a reply on a ticket that
 * is not linked (the backend's own cost).
 */
export async function benchRtWriteback(): Promise<string[]> {
  if (rtSkipReason !== null) return [`skipped: ${rtSkipReason}`];
  const rt = await startSuiteRt();
  const db = await openDatabase({ dataDir: null });
  try {
    const workspace = await createSmallWorkspace(db);
    const backend = await startInProcessBackend(db, { connector: await rtWriteConnector(rt.url, rt.token), loginDetailKey: workspace.loginDetailKey });
    try {
      const linked: Array<{ ticketId: string; rtId: number }> = [];
      for (let i = 0; i < TICKETS; i++) linked.push(await linkedTicket(rt, db, backend.center, `Bench write-back ${i}`));
      const local = await backend.center.fileTicket(fileTicketSchema.parse({ accountId: 'acc-gold', requesterName: 'Grace Gold', requesterEmail: 'grace@gold.test', subject: 'Local', body: 'Hi.' }));
      const client = new RtClient({ baseUrl: rt.url, token: rt.token, maxRequestsPerSecond: 10_000 });
      const run = randomBytes(4).toString('hex');
      const reply = async (ticketId: string, i: number): Promise<void> => {
        const answer = await postMutations(backend.url, workspace.tokens.ana, [{ kind: 'reply', idempotencyKey: `bench-${run}-${ticketId}-${i}`, ticketId, body: `Reply ${i}: please try again.` }]);
        if (answer.body.results[0]?.ok !== true) throw new Error(`reply ${i} failed: ${JSON.stringify(answer.body)}`);
      };
      const direct = await latencies(REPLIES, async (i) => {
        const posted = await client.correspond((linked[i % TICKETS] as (typeof linked)[number]).rtId, { content: `Direct ${i}.` });
        if (!posted.ok) throw new Error(posted.error.message);
      });
      const unlinked = await latencies(REPLIES, (i) => reply(local.id, i));
      const writeBack = await latencies(REPLIES, (i) => reply((linked[i % TICKETS] as (typeof linked)[number]).ticketId, i));
      return [
        `reply through the backend to RT (n=${REPLIES}, ${TICKETS} tickets): ${writeBack}; ${load()}`,
        `baseline, correspondence posted to RT directly: ${direct}`,
        `baseline, reply on a ticket not linked to RT: ${unlinked}`,
      ];
    } finally {
      await backend.close();
    }
  } finally {
    await db.close();
    await rt.stop();
  }
}
