import { presets, type SupportPolicy } from '@shared/policy';
import type { ReportTicket } from '../../../src-renderer/reports/ticket-sla-outcome';

export const policy: SupportPolicy = presets.planSla();
/** By policy version, as the reports look them up. */
export const policies = new Map<string, SupportPolicy>([['pol-a@1', policy]]);

let next = 0;
/** A ticket with just what the reports read; ids are unique within a test file. */
export function ticket(fields: Partial<ReportTicket> & Pick<ReportTicket, 'createdAt' | 'dueAt'>): ReportTicket {
  next += 1;
  return { id: `t-${next}`, policyId: 'pol-a', policyVersion: 1, plan: 'gold', firstStaffReplyAt: null, ...fields };
}
