import { addBusinessTime, nextBusinessDay } from './calendar/business-time';
import type { CompiledCalendar } from './calendar/compile-calendar';
import { compilePolicy, type CompiledPolicy, type ResolvedTarget } from './compile-policy';
import { formatInstant, parseInstant } from './instant';
import { PolicyInputError } from './policy-input-error';
import type { PlanId, ResponseTarget, SupportPolicy } from './policy-schema';

export interface TicketTiming {
  /** Any ISO 8601 instant with an offset. */
  createdAt: string;
  plan: PlanId;
  /** Set by the customer when submitting; missing means not urgent. */
  urgent?: boolean | null;
}

export type { ResolvedTarget } from './compile-policy';

/** Which target applies to a ticket: the plan's urgent target if the flag is set and offered. */
export function resolveTarget(compiled: CompiledPolicy, ticket: TicketTiming): ResolvedTarget {
  const targets = compiled.targets.get(ticket.plan);
  if (targets === undefined) {
    throw new PolicyInputError('plan', ticket.plan, `expected one of ${[...compiled.plans.keys()].join(', ')}`);
  }
  const urgent = ticket.urgent;
  if (urgent === true) return targets[1];
  if (urgent === undefined || urgent === null || urgent === false) return targets[0];
  throw new PolicyInputError('urgent', urgent, 'expected true, false or nothing');
}

/** The due instant (epoch ms) of a target for a ticket created at `createdMs`. */
export function dueForTarget(calendar: CompiledCalendar, createdMs: number, target: ResponseTarget): number {
  if (target.kind === 'business-hours') {
    return addBusinessTime(calendar, createdMs, Math.round(target.hours * 3_600_000));
  }
  const { table, day } = nextBusinessDay(calendar, createdMs);
  return target.endOfDay === 'close' ? (table.dayClose[day] as number) : (table.dayStart[day + 1] as number);
}

/**
 * The guaranteed first-response due instant of a ticket, as ISO 8601 UTC (`...Z`).
 * Throws a PolicyInputError naming the field for an unparseable instant or an unknown plan.
 */
export function firstResponseDue(policy: SupportPolicy, ticket: TicketTiming): string {
  const compiled = compilePolicy(policy);
  const createdMs = parseInstant(ticket.createdAt, 'createdAt');
  return formatInstant(dueForTarget(compiled.calendar, createdMs, resolveTarget(compiled, ticket).target));
}
