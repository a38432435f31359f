import type { AccountRow, EngineerRow, PolicyRow, SyncChange, TicketRow } from '@shared/contract';
import { presets } from '@shared/policy';
import { policyRow } from '../../fixtures/policy-row';
import { applyBatch } from '../../../src-renderer/db/apply-batch';
import { openAgentCache } from '../../../src-renderer/db/cache-database';
import { seededRandom as random } from '../seeded-random';

/**
 * Runs inside Chromium on the app's own origin (bundled by workspace-ui.bench.ts): fills the app's
 * cache (the default database name) with a deterministic workspace through `applyBatch`, the
 * writer sync uses, so the app then opens on exactly what a first sync would have left.
 */

export interface FillRequest {
  tickets: number;
  /** Share of tickets in an open status (in the queue); the rest are solved or closed history. */
  openShare: number;
  accounts: number;
  now: string;
}

export interface FillResult {
  stored: number;
  open: number;
  fillMs: number;
}


const SUBJECTS = ['Export fails', 'Login loop after upgrade', 'Invoice totals rounded wrongly', 'Blank settings page', 'API returns 500', 'Cannot attach files', 'Slow reports page', 'License key invalid', 'Emails land in spam', 'Import stops halfway'];
const PLANS = ['silver', 'gold', 'platinum'] as const;
const HOUR = 3_600_000;

function ticketAt(i: number, next: () => number, request: FillRequest, nowMs: number): TicketRow {
  const open = next() < request.openShare;
  const createdMs = nowMs - Math.floor(next() * 30 * 24 * HOUR);
  const dueMs = createdMs + Math.floor((2 + next() * 40) * HOUR);
  const replied = !open || next() < 0.3;
  const repliedMs = replied ? createdMs + Math.floor(next() * 48 * HOUR) : null;
  const assigned = next() < 0.6;
  const preset = i % 4 === 0 ? 'pol-b' : 'pol-a';
  const statusRoll = next();
  return {
    id: `t-${String(i).padStart(6, '0')}`,
    number: 10_000 + i,
    accountId: `a-${i % request.accounts}`,
    subscriptionId: null,
    policyId: preset,
    policyVersion: 1,
    requesterName: `Requester ${i % 997}`,
    requesterEmail: `requester${i % 997}@example.com`,
    subject: `${SUBJECTS[i % SUBJECTS.length]} (${i % 89})`,
    createdAt: new Date(createdMs).toISOString(),
    urgent: next() < 0.08,
    source: 'portal',
    productId: null,
    productVersion: null,
    status: open ? (statusRoll < 0.3 ? 'new' : statusRoll < 0.8 ? 'open' : 'pending') : statusRoll < 0.5 ? 'solved' : 'closed',
    assigneeId: assigned ? `e-${i % 8}` : null,
    plan: PLANS[i % 3] ?? 'silver',
    dueAt: new Date(dueMs).toISOString(),
    firstStaffReplyAt: repliedMs === null ? null : new Date(repliedMs).toISOString(),
    slaOutcome: repliedMs === null ? null : repliedMs <= dueMs ? 'met' : 'breached',
    categoryId: null,
    checklistAnswers: {},
    eligibility: preset === 'pol-b' ? { kind: next() < 0.7 ? 'eligible' : 'needs-engineer-check', failed: [] } : null,
    updatedAt: new Date(nowMs).toISOString(),
  };
}

function workspaceChanges(request: FillRequest): SyncChange[] {
  const policies: PolicyRow[] = [
    policyRow('pol-a', presets.planSla()),
    policyRow('pol-b', presets.subscriptionScope()),
  ];
  const engineers: EngineerRow[] = Array.from({ length: 8 }, (_, i) => ({ id: `e-${i}`, name: `Engineer ${i}`, email: `e${i}@example.com` }));
  const accounts: AccountRow[] = Array.from({ length: request.accounts }, (_, i) => ({
    id: `a-${i}`,
    holderName: `Holder ${i}`,
    holderEmail: `holder${i}@example.com`,
    organization: i % 3 === 0 ? null : `Organization ${i}`,
    status: 'active',
  }));
  let version = 1;
  return [
    ...policies.map((row): SyncChange => ({ op: 'upsert', entity: 'policy', id: row.id, version: version++, row })),
    ...engineers.map((row): SyncChange => ({ op: 'upsert', entity: 'engineer', id: row.id, version: version++, row })),
    ...accounts.map((row): SyncChange => ({ op: 'upsert', entity: 'account', id: row.id, version: version++, row })),
  ];
}

async function fill(request: FillRequest): Promise<FillResult> {
  const started = performance.now();
  const db = openAgentCache();
  await db.open();
  const nowMs = Date.parse(request.now);
  const now = new Date(nowMs);
  const next = random(20_261_120);
  let version = 1_000_000;
  await applyBatch(db, { changes: workspaceChanges(request), cursor: 'bench-0', phase: 'initial-open', progress: null }, { now });
  let open = 0;
  const PAGE = 5_000;
  for (let start = 0; start < request.tickets; start += PAGE) {
    const changes: SyncChange[] = [];
    for (let i = start; i < Math.min(request.tickets, start + PAGE); i++) {
      const row = ticketAt(i, next, request, nowMs);
      if (row.status === 'new' || row.status === 'open' || row.status === 'pending') open++;
      changes.push({ op: 'upsert', entity: 'ticket', id: row.id, version: version++, row });
    }
    await applyBatch(db, { changes, cursor: `bench-${start}`, phase: 'changes', progress: null }, { now });
  }
  const stored = await db.tickets.count();
  db.close();
  return { stored, open, fillMs: performance.now() - started };
}

export interface WorkspaceFillHarness {
  fill(request: FillRequest): Promise<FillResult>;
}

(globalThis as { workspaceFillHarness?: WorkspaceFillHarness }).workspaceFillHarness = { fill };
