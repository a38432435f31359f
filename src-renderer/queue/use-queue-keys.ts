import { useEffect, useRef } from 'react';
import { isPlainKey, isTypingTarget } from '../shell/keyboard-target';

export interface QueueKeyActions {
  /** Moves the selection by `delta` rows; returns nothing, the caller scrolls. */
  move(delta: number): void;
  open(): void;
  claim(): void;
  reply(): void;
  /** Snoozes the selected ticket's deadline notifications, or lifts its snooze. */
  snooze(): void;
}

/**
 * j / k (and the arrow keys) move, Enter opens, c claims, r replies, s snoozes, while the queue is
 * shown and no field has the focus. The latest actions are read through a ref, so the listener is
 * added once.
 */
export function useQueueKeys(actions: QueueKeyActions, enabled: boolean): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPlainKey(event) || isTypingTarget(event.target)) return;
      const a = latest.current;
      const handlers: Record<string, () => void> = {
        j: () => a.move(1),
        ArrowDown: () => a.move(1),
        k: () => a.move(-1),
        ArrowUp: () => a.move(-1),
        Enter: () => a.open(),
        c: () => a.claim(),
        r: () => a.reply(),
        s: () => a.snooze(),
      };
      const handler = handlers[event.key];
      if (handler === undefined) return;
      // Enter on a focused button or link belongs to that control.
      if (event.key === 'Enter' && event.target instanceof HTMLElement && ['BUTTON', 'A'].includes(event.target.tagName)) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
