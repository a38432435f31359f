import { NOTABLE_SKEW_MS } from '@shared/ipc/sync-status';
import { formatSpan } from '../queue/format-time';
import { useClock } from '../state/clock';

/**
 * Countdowns follow the backend's clock; when this machine's differs by more than a minute the
 * engineer should know, since other tools on the machine will disagree with the queue.
 */
export function ClockSkewNotice() {
  const skew = useClock((s) => s.skew);
  if (skew === null || Math.abs(skew.offsetMs) <= NOTABLE_SKEW_MS) return null;
  const direction = skew.offsetMs > 0 ? 'behind' : 'ahead of';
  return (
    <div className="notice notice-warning" role="alert" data-testid="clock-skew">
      This computer&apos;s clock is {formatSpan(Math.abs(skew.offsetMs))} {direction} the backend&apos;s. Countdowns use the backend&apos;s time; fix the system clock to make
      other tools agree.
    </div>
  );
}
