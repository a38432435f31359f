import { useSyncExternalStore } from 'react';
import { useTheme } from '../state/theme';

export interface ChartColors {
  silver: string;
  gold: string;
  platinum: string;
  breached: string;
  accent: string;
  text: string;
  muted: string;
  grid: string;
}

function read(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    silver: v('--silver', '#5d6876'),
    gold: v('--gold', '#806000'),
    platinum: v('--platinum', '#5a4fcf'),
    breached: v('--breached', '#c4312b'),
    accent: v('--accent', '#2c5fd4'),
    text: v('--text', '#1c2430'),
    muted: v('--text-muted', '#5b6675'),
    grid: v('--border', '#dfe3e8'),
  };
}

/** Colors per theme choice and OS scheme: these two decide the stylesheet's values. */
const byScheme = new Map<string, ChartColors>();
const DARK = '(prefers-color-scheme: dark)';

function subscribeToScheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/**
 * The shell's palette as concrete colors: SVG attributes set by the chart library do not resolve
 * CSS variables reliably, so they are read from the stylesheet, again when the theme changes.
 */
export function useChartColors(): ChartColors {
  const theme = useTheme((s) => s.theme);
  const osDark = useSyncExternalStore(subscribeToScheme, () => window.matchMedia(DARK).matches);
  const key = `${theme}/${String(osDark)}`;
  let colors = byScheme.get(key);
  if (colors === undefined) byScheme.set(key, (colors = read()));
  return colors;
}
