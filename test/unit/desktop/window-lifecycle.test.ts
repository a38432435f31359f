import { describe, expect, it } from 'vitest';
import { closeAction, openAction, QuitIntent, trayMenuTemplate } from '../../../src-main/electron/window-lifecycle';

describe('desktop window lifecycle', () => {
  it('hides the window on close until the app is quitting; leaves full screen first', () => {
    expect(closeAction(false, false)).toBe('hide');
    expect(closeAction(false, true)).toBe('leave-full-screen-then-hide');
    expect(closeAction(true, false)).toBe('close');
    expect(closeAction(true, true)).toBe('close');
  });

  it('remembers that a quit began', () => {
    const quit = new QuitIntent();
    expect(quit.isQuitting).toBe(false);
    quit.begin();
    expect(quit.isQuitting).toBe(true);
  });

  it('shows the window it has, and creates one when there is none or it was destroyed', () => {
    expect(openAction(null)).toBe('create');
    expect(openAction({ isDestroyed: () => true })).toBe('create');
    expect(openAction({ isDestroyed: () => false })).toBe('show');
  });

  it('builds the tray menu: the counts (not clickable), Open, Quit, each calling its action', () => {
    const calls: string[] = [];
    const menu = trayMenuTemplate({ breached: 1, approaching: 0 }, { open: () => calls.push('open'), quit: () => calls.push('quit') });
    expect(menu.map((item) => [item.label ?? item.type, item.enabled ?? true])).toEqual([
      ['Support Agent: 1 breached, 0 approaching', false],
      ['separator', true],
      ['Open Support Agent', true],
      ['Quit Support Agent', true],
    ]);
    for (const item of menu) (item.click as (() => void) | undefined)?.();
    expect(calls).toEqual(['open', 'quit']);
    expect(trayMenuTemplate({ breached: 0, approaching: 0 }, { open: () => undefined, quit: () => undefined })[0]?.label).toBe('Support Agent: no deadline at risk');
  });
});
