/** Runs `pass` repeatedly and reports the median and best rate in items per second. */
export function measureRate(items: number, passes: number, pass: () => void): { median: number; best: number } {
  const rates: number[] = [];
  for (let i = 0; i < passes; i++) {
    const started = process.hrtime.bigint();
    pass();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(items / seconds);
  }
  rates.sort((a, b) => a - b);
  return { median: rates[Math.floor(rates.length / 2)] as number, best: rates[rates.length - 1] as number };
}

/** The middle value (of an even count, the upper of the two middle ones); NaN for none. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
}

export function formatRate(rate: number): string {
  return `${Math.round(rate).toLocaleString('en-US')}/s`;
}
