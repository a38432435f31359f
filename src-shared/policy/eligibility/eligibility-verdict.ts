import type { ChecklistItem, EligibilityVerdict } from './checklist-items';

/** A failed item outweighs unanswered ones: no answer can make the ticket eligible again. */
export function eligibilityVerdict(items: readonly ChecklistItem[]): EligibilityVerdict {
  const failed = items.filter((item) => item.status === 'fail');
  if (failed.length > 0) {
    return { kind: 'not-eligible', failed: failed.map(({ id, label, detail }) => ({ id, label, reason: detail })) };
  }
  const pending = items.filter((item) => item.status === 'unanswered');
  if (pending.length > 0) {
    return { kind: 'needs-engineer-check', pending: pending.map(({ id, label }) => ({ id, label })) };
  }
  return { kind: 'eligible' };
}
