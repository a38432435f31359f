import type { TicketTiming } from '../../src-shared/policy/index';

export interface SampleTicket {
  readonly id: string;
  readonly subject: string;
  readonly input: TicketTiming;
}

/**
 * Fixed tickets chosen to exercise the calendar's edge cases (after hours,
 * holidays, weekends, a DST change). The live queue replaces this list.
 */
export const sampleTickets: readonly SampleTicket[] = [
  {
    id: 'T-1042',
    subject: 'Invoice PDF export is blank (filed Tuesday after hours)',
    input: { createdAt: '2026-11-24T18:30:00-05:00', plan: 'silver' },
  },
  {
    id: 'T-1043',
    subject: 'Cannot log in after upgrade (filed the day after Thanksgiving)',
    input: { createdAt: '2026-11-27T10:00:00-05:00', plan: 'gold' },
  },
  {
    id: 'T-1044',
    subject: 'Report scheduler skipped a run (filed Friday afternoon, DST next Sunday)',
    input: { createdAt: '2026-03-06T16:30:00-05:00', plan: 'platinum' },
  },
  {
    id: 'T-1045',
    subject: 'Checkout fails for every customer (urgent, before Christmas)',
    input: { createdAt: '2026-12-23T16:00:00-05:00', plan: 'silver', urgent: true },
  },
  {
    id: 'T-1046',
    subject: 'License key rejected on new server (urgent, filed on a Saturday)',
    input: { createdAt: '2026-07-04T09:00:00-04:00', plan: 'gold', urgent: true },
  },
];
