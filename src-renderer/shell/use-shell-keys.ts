import { useEffect, useRef } from 'react';
import { useNavigation } from '../state/navigation';
import { isPlainKey, isTypingTarget } from './keyboard-target';

export interface ShellKeyActions {
  toggleShortcuts(): void;
  shortcutsOpen: boolean;
}

function focusQueueSearch(): void {
  const search = document.getElementById('queue-search');
  if (search instanceof HTMLInputElement) {
    search.focus();
    search.select();
  }
}

/**
 * Shortcuts that work in every view: ? (help), / (search the queue), Escape (leave a field, else
 * go back to the queue). Escape in an open dialog is the dialog's own.
 */
export function useShellKeys(actions: ShellKeyActions): void {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isPlainKey(event) || latest.current.shortcutsOpen) return;
      const typing = isTypingTarget(event.target);
      if (event.key === 'Escape') {
        if (typing && event.target instanceof HTMLElement) event.target.blur();
        else if (useNavigation.getState().view !== 'queue') useNavigation.getState().show('queue');
        return;
      }
      if (typing) return;
      if (event.key === '?') {
        event.preventDefault();
        latest.current.toggleShortcuts();
      } else if (event.key === '/') {
        event.preventDefault();
        useNavigation.getState().show('queue');
        // The queue may mount on this very change: focus after React has committed it.
        requestAnimationFrame(focusQueueSearch);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
