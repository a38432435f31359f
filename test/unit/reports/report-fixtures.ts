import { presets, type SupportPolicy } from '@shared/policy';
import type { ReportTicket } from '../../../src-renderer/reports/ticket-sla-outcome';

export const policy: SupportPolicy = presets.planSla();
export const policies = new Map<string, SupportPolicy>([['pol-a', policy]]);

let next = 0;
/** A ticket with just what the reports read; ids are unique within a test file. */
export function ticket(fields: Partial<ReportTicket> & Pick<ReportTicket, 'createdAt' | 'dueAt'>): ReportTicket {
  next += 1;
  return { id: `t-${next}`, policyId: 'pol-a', plan: 'gold', firstStaffReplyAt: null, ...fields };
}
