import { firstResponseDue, presets, type PlanId, type TicketTiming } from '@shared/policy';
import { formatRate, measureRate } from './measure';
import { seededRandom } from './seeded-random';

const TICKETS = 100_000;
const TARGET_PER_SECOND = 1_000_000;
const PLANS: PlanId[] = ['silver', 'gold', 'platinum'];
const OFFSETS = ['Z', '-05:00', '-04:00', '+05:30', '-08:00', '+09:00'];

function randomTickets(): TicketTiming[] {
  const random = seededRandom(2026);
  const from = Date.UTC(2026, 0, 1);
  const span = 3 * 365 * 86_400_000;
  return Array.from({ length: TICKETS }, () => {
    const utc = new Date(from + Math.floor(random() * span)).toISOString();
    const offset = OFFSETS[Math.floor(random() * OFFSETS.length)] as string;
    // The wall-clock digits change with the offset only in meaning; the engine must not care.
    return { createdAt: utc.replace('Z', offset), plan: PLANS[Math.floor(random() * 3)] as PlanId, urgent: random() < 0.2 };
  });
}

/** Due instants per second for 100k random tickets on one core, next to a Date-based baseline. */
export function benchDueInstants(): string[] {
  const policy = presets.planSla();
  const tickets = randomTickets();
  let sink = 0;
  const engine = measureRate(TICKETS, 7, () => {
    for (const ticket of tickets) sink += firstResponseDue(policy, ticket).length;
  });
  // What merely parsing and printing each instant with Date costs on this machine, same run.
  const baseline = measureRate(TICKETS, 7, () => {
    for (const ticket of tickets) sink += new Date(Date.parse(ticket.createdAt) + 3_600_000).toISOString().length;
  });
  if (sink === 0) throw new Error('nothing computed');
  return [
    `due instants (100k random tickets, Preset A, one core): median ${formatRate(engine.median)}, best ${formatRate(engine.best)}` +
      ` — target ${formatRate(TARGET_PER_SECOND)}: ${engine.median >= TARGET_PER_SECOND ? 'met' : 'NOT met'}`,
    `  baseline in the same run, Date.parse + toISOString per ticket (no calendar at all): median ${formatRate(baseline.median)}`,
  ];
}
