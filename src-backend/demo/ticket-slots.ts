import { firstResponseDue, formatInstant, isBusinessInstant, planAt, type PlanId, type SupportPolicy } from '@shared/policy';
import type { DemoAccountProfile } from './demo-dataset';
import type { SeededRandom } from './seeded-random';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** history: solved or closed long ago; open: still in the queue; hot: open and due within the hour (when `now` allows). */
export type TicketKind = 'history' | 'open' | 'hot';

export interface TicketSlot {
  createdMs: number;
  kind: TicketKind;
  profile: DemoAccountProfile;
  /** The urgent flag a hot ticket was planned with (its due instant depends on it). */
  urgent?: boolean;
}

export interface SlotGeneration {
  count: number;
  nowMs: number;
  historyStartMs: number;
  profiles: readonly DemoAccountProfile[];
  random: SeededRandom;
}

/** 7% of the tickets are open, at least 30; eight of them are due within the next hour when possible. */
export function openTicketCount(count: number): number {
  return Math.min(count, Math.max(30, Math.round(count * 0.07)));
}

/** Creation instants and accounts of every ticket, oldest first. */
export function planTicketSlots(input: SlotGeneration): TicketSlot[] {
  const { count, nowMs, historyStartMs, random } = input;
  const calendarPolicy = input.profiles[0]?.policy;
  if (calendarPolicy === undefined) throw new Error('no accounts to file tickets for');
  const openCount = openTicketCount(count);
  const hotCount = Math.min(8, openCount);
  const pickAccount = accountPicker(input.profiles, random);
  const slots: TicketSlot[] = [];
  const add = (createdMs: number, kind: TicketKind): void => {
    slots.push({ createdMs, kind, profile: pickAccount(createdMs) });
  };
  const sample = (draw: () => number, offHours: number): number => sampleWorkingInstant(calendarPolicy, random, draw, offHours);
  const between = (from: number, to: number) => (): number => Math.round(from + random.next() * (to - from));
  // Most of the queue is days old, a little of it weeks old (waiting on the customer).
  const recent = (): number => Math.min(nowMs - 2 * MINUTE, nowMs - Math.round(10 * DAY * random.next() ** 2));
  for (let i = 0; i < count - openCount; i++) add(sample(between(historyStartMs, nowMs - 20 * MINUTE), 0.1), 'history');
  for (let i = 0; i < openCount - hotCount; i++) {
    add(random.chance(0.15) ? sample(between(nowMs - 45 * DAY, nowMs - 10 * DAY), 0.1) : sample(recent, 0.2), 'open');
  }
  slots.push(...hotSlots(input, hotCount));
  return slots.sort((a, b) => a.createdMs - b.createdMs);
}

/**
 * Mostly inside working hours, with `offHours` of the other instants kept, so nights, weekends and
 * holidays get some tickets too (their due instants are where the calendar rules show).
 */
function sampleWorkingInstant(policy: SupportPolicy, random: SeededRandom, draw: () => number, offHours: number): number {
  let t = draw();
  for (let attempt = 0; attempt < 60; attempt++, t = draw()) {
    if (isBusinessInstant(policy, formatInstant(t)) || random.chance(offHours)) return t;
  }
  return t;
}

/** Heavier customers write more; nobody writes before their subscription starts, few after it ended. */
function accountPicker(profiles: readonly DemoAccountProfile[], random: SeededRandom): (atMs: number) => DemoAccountProfile {
  const sorted = [...profiles].sort((a, b) => a.anchorMs - b.anchorMs || (a.account.id < b.account.id ? -1 : 1));
  const anchors = sorted.map((p) => p.anchorMs);
  const cumulative: number[] = [];
  let total = 0;
  for (const p of sorted) cumulative.push((total += p.weight));
  return (atMs) => {
    const available = Math.max(1, upperBound(anchors, atMs));
    let chosen = sorted[0] as DemoAccountProfile;
    for (let attempt = 0; attempt < 5; attempt++) {
      const r = random.next() * (cumulative[available - 1] as number);
      chosen = sorted[upperBound(cumulative, r)] as DemoAccountProfile;
      if (chosen.endedMs === null || atMs < chosen.endedMs || random.chance(0.15)) break;
    }
    return chosen;
  };
}

function upperBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const HOT_MINUTES = [4, 9, 16, 23, 31, 39, 48, 56];

/** Open tickets of Preset A customers whose due instants fall 4 to 56 minutes after `now`. */
function hotSlots(input: SlotGeneration, hotCount: number): TicketSlot[] {
  const { nowMs, random } = input;
  const now = formatInstant(nowMs);
  const candidates = input.profiles.filter(
    (p) => p.policy.guarantees.responseTargets && p.anchorMs < nowMs - 15 * DAY && planAt(p.subscription, now) !== null,
  );
  if (candidates.length === 0) return [];
  const platinum = candidates.filter((p) => planAt(p.subscription, now) === 'platinum');
  return HOT_MINUTES.slice(0, hotCount).map((minutes, i) => {
    // The second one is urgent on Platinum, where the urgent option does not apply.
    const profile = random.pick(i === 1 && platinum.length > 0 ? platinum : candidates);
    const plan = planAt(profile.subscription, now) as PlanId;
    const urgent = i % 3 === 1;
    const createdMs = createdForDue(profile.policy, plan, urgent, nowMs, nowMs + minutes * MINUTE, random);
    return { createdMs, kind: 'hot', profile, urgent };
  });
}

/**
 * The latest creation instant whose due instant is at or before `targetMs`, found by bisection
 * (due instants never decrease with the creation instant). When no such instant lies after `now`
 * (a weekend `now`), a ticket created minutes ago, due at the next opening, is the closest there is.
 */
export function createdForDue(policy: SupportPolicy, plan: PlanId, urgent: boolean, nowMs: number, targetMs: number, random: SeededRandom): number {
  const due = (createdMs: number): number => Date.parse(firstResponseDue(policy, { createdAt: formatInstant(createdMs), plan, urgent }));
  const fallback = nowMs - (2 + Math.floor(random.next() * 50)) * MINUTE;
  let lo = nowMs - 14 * DAY;
  let hi = nowMs;
  if (due(lo) > targetMs) return fallback;
  while (hi - lo > 1_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (due(mid) <= targetMs) lo = mid;
    else hi = mid;
  }
  return due(lo) > nowMs ? lo : fallback;
}
