import { benchDueInstants } from './due-instants.bench';

/**
 * `npm run bench`: every benchmark, printed as figures. Benchmarks are not timed tests: the
 * machines are shared, so each figure comes with a baseline measured in the same run.
 */
const benches: Array<[string, () => string[] | Promise<string[]>]> = [['policy engine', benchDueInstants]];

for (const [name, bench] of benches) {
  console.log(`# ${name}`);
  for (const line of await bench()) console.log(line);
}
