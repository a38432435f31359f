import { RtConnector } from '../../src-backend/connectors/request-tracker/rt-connector';
import { runMirror } from '../../src-backend/connectors/mirror/run-mirror';
import { PolicyCache } from '../../src-backend/domain/policy-cache';
import { createSmallWorkspace } from '../fixtures/small-workspace';
import { testDatabaseTargets } from '../fixtures/test-databases';
import type { SuiteRt } from '../support/request-tracker';
import { rtTestConfig } from '../support/rt-mirror-harness';

const seconds = (since: bigint) => Number(process.hrtime.bigint() - since) / 1e9;

/**
 * The mirror's first run over the RT the paging benchmark filled, into each database here: the
 * connector with the same lifted request budget, so the figure compares with RT's own paging rate.
 */
export async function benchRtMirror(rt: SuiteRt, expected: number, pagingRate: number): Promise<string[]> {
  const lines: string[] = [];
  for (const target of testDatabaseTargets.filter((t) => t.skipReason === null)) {
    const { db, drop } = await target.open();
    try {
      await createSmallWorkspace(db);
      const connector = new RtConnector(rtTestConfig(rt), rt.token, { settleMs: 0, maxRequestsPerSecond: 10_000 });
      const verified = await connector.verify();
      if (!verified.ok) throw new Error(verified.error.message);
      const started = process.hrtime.bigint();
      const outcome = await runMirror({ db, connector, policies: new PolicyCache(), leaseMs: 60_000 });
      const took = seconds(started);
      if (!outcome.ran || outcome.error !== null || outcome.created < expected) throw new Error(`the mirror did not finish: ${JSON.stringify(outcome)}`);
      const rate = outcome.tickets / took;
      lines.push(
        `mirror into ${target.name} (first run): ${outcome.tickets.toLocaleString('en-US')} tickets, ${outcome.entries.toLocaleString('en-US')} entries in ${took.toFixed(1)} s: ` +
          `${rate.toFixed(1)} tickets/s, ${(rate / pagingRate).toFixed(2)}x RT's faster paging rate above (target >= 0.8x)`,
      );
    } finally {
      await db.close();
      await drop();
    }
  }
  return lines;
}
