import { describeTarget } from '../explain-due';
import type { BusinessCalendar, HolidayRule, Plan, ResponseTarget, SupportPolicy } from '../policy-schema';

/**
 * What changed between two versions of a policy, in words an engineer reads in Settings: the
 * calendar day by day, holidays by name, plan prices and targets, warning thresholds; any other
 * part that differs is named by its key.
 */
export function describePolicyChanges(before: SupportPolicy, after: SupportPolicy): string[] {
  const lines = [
    ...changed('Name', before.name, after.name),
    ...calendarChanges(before.calendar, after.calendar),
    ...planChanges(before.plans, after.plans),
    ...changed('Warnings (minutes before due)', before.approachThresholdsMinutes.join(', '), after.approachThresholdsMinutes.join(', ')),
    ...otherChanges(before, after),
  ];
  return lines.length > 0 ? lines : ['No changes'];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function changed(label: string, before: string, after: string): string[] {
  return before === after ? [] : [`${label}: ${before} → ${after}`];
}

function hoursOf(calendar: BusinessCalendar, weekday: number): string {
  const day = calendar.week[String(weekday) as keyof BusinessCalendar['week']] ?? [];
  return day.length === 0 ? 'closed' : day.map((i) => `${i.start}–${i.end}`).join(', ');
}

function calendarChanges(before: BusinessCalendar, after: BusinessCalendar): string[] {
  const lines = changed('Time zone', before.timeZone, after.timeZone);
  for (let weekday = 1; weekday <= 7; weekday++) lines.push(...changed(WEEKDAYS[weekday - 1] as string, hoursOf(before, weekday), hoursOf(after, weekday)));
  const key = (rule: HolidayRule) => JSON.stringify(rule);
  const kept = new Set(after.holidays.map(key));
  const old = new Set(before.holidays.map(key));
  for (const rule of after.holidays) if (!old.has(key(rule))) lines.push(`Holiday added or changed: ${rule.name}`);
  for (const rule of before.holidays) {
    if (!kept.has(key(rule)) && !after.holidays.some((r) => r.name === rule.name)) lines.push(`Holiday removed: ${rule.name}`);
  }
  lines.push(...changed('Weekend holidays observed on a weekday', String(before.observedShift), String(after.observedShift)));
  return lines;
}

const price = (cents: number) => `$${(cents / 100).toFixed(2)}`;
const target = (t: ResponseTarget | null) => (t === null ? 'not offered' : describeTarget(t));

function planChanges(before: readonly Plan[], after: readonly Plan[]): string[] {
  const lines: string[] = [];
  for (const plan of after) {
    const old = before.find((p) => p.id === plan.id);
    if (old === undefined) {
      lines.push(`Plan added: ${plan.name}`);
      continue;
    }
    lines.push(
      ...changed(`${plan.name} price a month`, price(old.monthlyPriceCents), price(plan.monthlyPriceCents)),
      ...changed(`${plan.name} response target`, target(old.normal), target(plan.normal)),
      ...changed(`${plan.name} urgent target`, target(old.urgent), target(plan.urgent)),
    );
  }
  for (const plan of before) if (!after.some((p) => p.id === plan.id)) lines.push(`Plan removed: ${plan.name}`);
  return lines;
}

const DESCRIBED = new Set<keyof SupportPolicy>(['name', 'calendar', 'plans', 'approachThresholdsMinutes']);

function otherChanges(before: SupportPolicy, after: SupportPolicy): string[] {
  return (Object.keys(after) as (keyof SupportPolicy)[])
    .filter((key) => !DESCRIBED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((key) => `Changed: ${key}`);
}
