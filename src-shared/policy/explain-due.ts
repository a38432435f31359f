import { DateTime } from 'luxon';
import { clockStart, dayIndexOf } from './calendar/business-time';
import type { CompiledCalendar } from './calendar/compile-calendar';
import { isoWeekdayOfDays, localDateOfDays } from './calendar/local-date';
import type { YearTable } from './calendar/year-table';
import { compilePolicy } from './compile-policy';
import { dueForTarget, resolveTarget, type TicketTiming } from './first-response-due';
import { formatInstant, parseInstant } from './instant';
import type { ResponseTarget, SupportPolicy } from './policy-schema';

export interface CountedInterval {
  readonly date: string;
  readonly from: string;
  readonly to: string;
  /** Local wall-clock times in the calendar's zone, `HH:mm`. */
  readonly fromLocal: string;
  readonly toLocal: string;
  readonly ms: number;
}

export interface SkippedDay {
  readonly date: string;
  readonly reason: 'holiday' | 'weekend' | 'closed';
  /** Holiday names, when the reason is a holiday. */
  readonly holidays: readonly string[];
}

export interface DueExplanation {
  readonly timeZone: string;
  readonly createdAt: string;
  readonly planName: string;
  readonly target: ResponseTarget;
  readonly targetLabel: string;
  readonly urgentRequested: boolean;
  readonly urgentApplies: boolean;
  /** Business-hours targets: where counting started (null for next-business-day targets). */
  readonly clockStart: string | null;
  readonly counted: readonly CountedInterval[];
  readonly skipped: readonly SkippedDay[];
  readonly dueAt: string;
  /** The same story as sentences an engineer reads in the SLA panel. */
  readonly lines: readonly string[];
}

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function local(ms: number, zone: string, format: string): string {
  return DateTime.fromMillis(ms, { zone, locale: 'en-US' }).toFormat(format);
}

export function describeTarget(target: ResponseTarget): string {
  if (target.kind === 'business-hours') return `${target.hours} business hour${target.hours === 1 ? '' : 's'}`;
  return target.endOfDay === 'close'
    ? 'end of the next business day (closing time)'
    : 'end of the next business day (local midnight)';
}

/** Calls `visit` for each local day from the day containing `fromMs` to the one containing `toMs`. */
function eachDay(calendar: CompiledCalendar, fromMs: number, toMs: number, visit: (table: YearTable, day: number) => void): void {
  let table = calendar.yearOf(fromMs);
  let day = dayIndexOf(table, fromMs);
  const last = calendar.yearOf(toMs);
  const lastDay = dayIndexOf(last, toMs);
  while (table.year < last.year || (table.year === last.year && day <= lastDay)) {
    visit(table, day);
    day++;
    if (day >= table.dayClose.length) {
      table = calendar.year(table.year + 1);
      day = 0;
    }
  }
}

/** The parts of working intervals that lie inside [startMs, dueMs). */
function countedIntervals(calendar: CompiledCalendar, startMs: number, dueMs: number): CountedInterval[] {
  const counted: CountedInterval[] = [];
  const zone = calendar.timeZone;
  for (let table = calendar.yearOf(startMs); table.year <= calendar.yearOf(dueMs).year; table = calendar.year(table.year + 1)) {
    for (let i = 0; i < table.starts.length; i++) {
      const from = Math.max(startMs, table.starts[i] as number);
      const to = Math.min(dueMs, table.ends[i] as number);
      if (to <= from) continue;
      counted.push({
        date: localDateOfDays(table.firstDay + (table.intervalDay[i] as number)),
        from: formatInstant(from),
        to: formatInstant(to),
        fromLocal: local(from, zone, 'HH:mm'),
        toLocal: to === (table.ends[i] as number) && local(to, zone, 'HH:mm') === '00:00' ? '24:00' : local(to, zone, 'HH:mm'),
        ms: to - from,
      });
    }
  }
  return counted;
}

/** Local days between creation and due on which no business time elapsed, and why. */
function skippedDays(calendar: CompiledCalendar, fromMs: number, toMs: number): SkippedDay[] {
  const skipped: SkippedDay[] = [];
  eachDay(calendar, fromMs, toMs, (table, day) => {
    if (!Number.isNaN(table.dayClose[day])) return;
    const days = table.firstDay + day;
    const holidays = table.holidays.get(days) ?? [];
    const reason = holidays.length > 0 ? 'holiday' : isoWeekdayOfDays(days) >= 6 ? 'weekend' : 'closed';
    skipped.push({ date: localDateOfDays(days), reason, holidays });
  });
  return skipped;
}

function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

function dayLabel(date: string): string {
  const days = DateTime.fromISO(date, { zone: 'UTC' });
  return `${WEEKDAY_NAMES[days.weekday - 1] ?? ''} ${date}`;
}

function sentences(e: Omit<DueExplanation, 'lines'>, createdMs: number, startMs: number | null, dueMs: number): string[] {
  const zone = e.timeZone;
  const lines = [`Created ${local(createdMs, zone, 'ccc yyyy-MM-dd HH:mm ZZZZ')} (${zone}); target: ${e.targetLabel} (${e.planName}).`];
  if (e.urgentRequested && !e.urgentApplies) lines.push(`The urgent flag does not apply: the ${e.planName} plan does not offer the urgent option.`);
  if (startMs !== null) {
    lines.push(startMs === createdMs ? 'The clock started at creation, inside working hours.' : `The clock started at the next opening, ${local(startMs, zone, 'ccc yyyy-MM-dd HH:mm')}.`);
    for (const c of e.counted) lines.push(`Counted ${formatDuration(c.ms)} on ${dayLabel(c.date)} (${c.fromLocal}-${c.toLocal}).`);
  }
  for (const s of e.skipped) lines.push(`Skipped ${dayLabel(s.date)}: ${s.reason === 'holiday' ? s.holidays.join(', ') : s.reason === 'weekend' ? 'weekend' : 'no working hours'}.`);
  lines.push(`Due ${local(dueMs, zone, 'ccc yyyy-MM-dd HH:mm ZZZZ')} = ${e.dueAt}.`);
  return lines;
}

/**
 * How a ticket's due instant was reached: the target, the clock start, each working interval
 * counted, each weekend or holiday skipped, all in the calendar's zone.
 */
export function explainFirstResponseDue(policy: SupportPolicy, ticket: TicketTiming): DueExplanation {
  const compiled = compilePolicy(policy);
  const createdMs = parseInstant(ticket.createdAt, 'createdAt');
  const resolved = resolveTarget(compiled, ticket);
  const calendar = compiled.calendar;
  const dueMs = dueForTarget(calendar, createdMs, resolved.target);
  const startMs = resolved.target.kind === 'business-hours' ? clockStart(calendar, createdMs) : null;
  const base = {
    timeZone: calendar.timeZone,
    createdAt: formatInstant(createdMs),
    planName: resolved.plan.name,
    target: resolved.target,
    targetLabel: describeTarget(resolved.target),
    urgentRequested: resolved.urgentRequested,
    urgentApplies: resolved.urgentApplies,
    clockStart: startMs === null ? null : formatInstant(startMs),
    counted: startMs === null ? [] : countedIntervals(calendar, startMs, dueMs),
    skipped: skippedDays(calendar, createdMs, dueMs),
    dueAt: formatInstant(dueMs),
  };
  return { ...base, lines: sentences(base, createdMs, startMs, dueMs) };
}
