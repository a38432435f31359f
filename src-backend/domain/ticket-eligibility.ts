import type { ChecklistAnswers, TicketRow } from '@shared/contract';
import { evaluateEligibility, type EntitlementWindow, type SupportPolicy } from '@shared/policy';
import type { Queryable } from '../db/database';

export type StoredEligibility = TicketRow['eligibility'];

/** Categories that make a ticket a license-key request (checklist item 3 applies to those only). */
const LICENSE_KEY_CATEGORIES = new Set(['license-key-server-change', 'discontinued-license-key']);

/**
 * The eligibility verdict stored with a ticket (Preset B only): re-evaluated whenever an answer,
 * the category or the ticket's facts change, so clients and reports see the same verdict.
 */
export async function evaluateTicketEligibility(
  tx: Queryable,
  policy: SupportPolicy,
  ticket: { createdAt: string; subscriptionId: string | null; productId: string | null; productVersion: string | null; source: TicketRow['source']; categoryId: string | null; checklistAnswers: ChecklistAnswers },
): Promise<StoredEligibility> {
  if (!policy.scope.checklistRequired) return null;
  let windows: EntitlementWindow[] = [];
  if (ticket.subscriptionId !== null) {
    const { rows } = await tx.query<{ entitlement_windows: unknown }>('SELECT entitlement_windows FROM subscriptions WHERE id = $1', [ticket.subscriptionId]);
    const raw = rows[0]?.entitlement_windows;
    windows = (typeof raw === 'string' ? JSON.parse(raw) : raw ?? []) as EntitlementWindow[];
  }
  let product: { latest: string | null; discontinued: boolean | null } = { latest: null, discontinued: null };
  if (ticket.productId !== null) {
    const { rows } = await tx.query<{ latest_stable_version: string; discontinued: boolean }>('SELECT latest_stable_version, discontinued FROM products WHERE id = $1', [ticket.productId]);
    if (rows[0]) product = { latest: rows[0].latest_stable_version, discontinued: rows[0].discontinued };
  }
  const result = evaluateEligibility({
    policy,
    facts: {
      createdAt: ticket.createdAt,
      entitlementWindows: windows,
      productVersion: ticket.productVersion,
      latestStableVersion: product.latest,
      productDiscontinued: product.discontinued,
      source: ticket.source,
      categoryId: ticket.categoryId,
      licenseKeyRequest: ticket.categoryId !== null && LICENSE_KEY_CATEGORIES.has(ticket.categoryId),
    },
    answers: { ...ticket.checklistAnswers, categoryId: ticket.categoryId },
  });
  const verdict = result.verdict;
  return { kind: verdict.kind, failed: verdict.kind === 'not-eligible' ? verdict.failed.map((f) => f.id) : [] };
}
