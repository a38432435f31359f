import { create } from 'zustand';

export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'support-agent.theme';

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** `system` leaves the scheme to the OS (the media query in app.css). */
function apply(theme: ThemeChoice): void {
  if (theme === 'system') delete document.documentElement.dataset['theme'];
  else document.documentElement.dataset['theme'] = theme;
}

/** Applied when this module loads (with the app), before the first paint. */
function applied(theme: ThemeChoice): ThemeChoice {
  apply(theme);
  return theme;
}

interface ThemeState {
  theme: ThemeChoice;
  setTheme(theme: ThemeChoice): void;
}

/** The light / dark choice is this machine's, kept in localStorage (not an engineer setting). */
export const useTheme = create<ThemeState>((set) => ({
  theme: applied(stored()),
  setTheme: (theme) => {
    try {
      localStorage.setItem(STORAGE_KEY, theme);
    } catch {
      // Storage may be off (private window); the choice still holds for this session.
    }
    apply(theme);
    set({ theme });
  },
}));

