import { benchCacheSync } from './cache-sync.bench';
import { benchDueInstants } from './due-instants.bench';
import { benchSyncServe } from './sync-serve.bench';

/**
 * `npm run bench`: every benchmark, printed as figures. Benchmarks are not timed tests: the
 * machines are shared, so each figure comes with a baseline measured in the same run.
 */
const benches: Array<[string, () => string[] | Promise<string[]>]> = [
  ['policy engine', benchDueInstants],
  ['backend: serving the first sync', benchSyncServe],
  ['renderer cache: first sync in Chromium', benchCacheSync],
];

for (const [name, bench] of benches) {
  console.log(`# ${name}`);
  for (const line of await bench()) console.log(line);
}
