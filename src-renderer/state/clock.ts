import { create } from 'zustand';
import type { ClockSkew } from '@shared/ipc/sync-status';

/**
 * The one clock every countdown reads (one shared tick, never an interval per cell).
 * `now` is this machine's time corrected by the backend's clock offset, so a countdown shows the
 * deadline the backend will enforce even when the laptop's clock is wrong.
 */
interface ClockState {
  /** Corrected epoch milliseconds at the last tick. */
  now: number;
  skew: ClockSkew | null;
}

const TICK_MS = 1_000;

export const useClock = create<ClockState>(() => ({ now: Date.now(), skew: null }));

let ticker: ReturnType<typeof setInterval> | null = null;

/** The backend's time as best known here: Date.now() plus the measured offset. */
export function correctedNow(): number {
  return Date.now() + (useClock.getState().skew?.offsetMs ?? 0);
}

export function setClockSkew(skew: ClockSkew): void {
  useClock.setState({ skew, now: Date.now() + skew.offsetMs });
}

/** Starts the shared tick (idempotent); returns a stop function for tests and teardown. */
export function startClock(intervalMs: number = TICK_MS): () => void {
  if (ticker === null) ticker = setInterval(() => useClock.setState({ now: correctedNow() }), intervalMs);
  return () => {
    if (ticker !== null) clearInterval(ticker);
    ticker = null;
  };
}

/** Corrected epoch ms, re-rendering the caller once per shared tick. */
export function useNow(): number {
  return useClock((state) => state.now);
}
