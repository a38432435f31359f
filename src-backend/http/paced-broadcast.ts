/**
 * Hands a value to many receivers a slice at a time, `gapMs` apart, instead of all at once. A new
 * value replaces the one being handed out: receivers not yet reached get only the new one, and the
 * round starts again from the first receiver, so every receiver ends with the newest value.
 */
export function pacedBroadcast<T>(sliceSize: number, gapMs: number): { send(receivers: ReadonlyArray<(value: T) => void>, value: T): void; stop(): void } {
  let timer: NodeJS.Timeout | null = null;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const deliverFrom = (receivers: ReadonlyArray<(value: T) => void>, value: T, start: number): void => {
    timer = null;
    for (const receive of receivers.slice(start, start + sliceSize)) receive(value);
    const next = start + sliceSize;
    if (next < receivers.length) timer = setTimeout(() => deliverFrom(receivers, value, next), gapMs);
  };
  return {
    send(receivers, value) {
      cancel();
      deliverFrom([...receivers], value, 0);
    },
    stop: cancel,
  };
}
