/** Time as the services see it, so tests can drive it with a fake clock. */
export interface Scheduler {
  now(): number;
  setTimeout(task: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  setTimeout: (task, ms) => {
    const handle = setTimeout(task, ms);
    // Services never keep a process alive by themselves.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};
