/**
 * Runs `task` after `trigger()`, at most once per `intervalMs` and never twice at once: a burst of
 * triggers becomes one run now and, if more came meanwhile, one more when the interval is up.
 * `task` reports its own failures: a rejection only ends that run.
 */
export function coalesce(task: () => Promise<void>, intervalMs: number | (() => number)): { trigger(): void; stop(): void } {
  const interval = typeof intervalMs === 'number' ? () => intervalMs : intervalMs;
  let running = false;
  let pending = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let lastStart = -Infinity;

  const run = () => {
    timer = null;
    pending = false;
    running = true;
    lastStart = Date.now();
    const done = () => {
      running = false;
      if (pending) trigger();
    };
    task().then(done, done);
  };

  const trigger = () => {
    if (stopped) return;
    if (running || timer !== null) {
      pending = true;
      return;
    }
    const wait = lastStart + interval() - Date.now();
    if (wait > 0) timer = setTimeout(run, wait);
    else run();
  };

  return {
    trigger,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}
