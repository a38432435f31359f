import type { ClockSkew } from '@shared/ipc/sync-status';

/**
 * Estimates the backend's clock offset from response headers. The server stamped its time
 * somewhere inside the round trip, so the midpoint is the best guess and half the round trip the
 * error; the sample with the shortest round trip of the recent ones is kept.
 */
export class ClockSkewEstimator {
  private samples: ClockSkew[] = [];

  constructor(private readonly keep = 8) {}

  /** Records one exchange; returns the current estimate. */
  record(sentAtMs: number, receivedAtMs: number, serverTime: string | null): ClockSkew | null {
    const serverMs = serverTime === null ? Number.NaN : Date.parse(serverTime);
    if (Number.isFinite(serverMs) && receivedAtMs >= sentAtMs) {
      const roundTripMs = receivedAtMs - sentAtMs;
      const offsetMs = serverMs - (sentAtMs + roundTripMs / 2);
      this.samples = [...this.samples, { offsetMs, roundTripMs, measuredAt: new Date(receivedAtMs).toISOString() }].slice(-this.keep);
    }
    return this.current();
  }

  current(): ClockSkew | null {
    return this.samples.reduce<ClockSkew | null>((best, s) => (best === null || s.roundTripMs < best.roundTripMs ? s : best), null);
  }
}
