import { benchCacheSync } from './cache-sync.bench';
import { benchDueInstants } from './due-instants.bench';
import { benchLoad } from './load.bench';
import { benchSyncServe } from './sync-serve.bench';
import { benchWorkspaceUi } from './workspace-ui.bench';

/**
 * `npm run bench`: every benchmark, printed as figures. Benchmarks are not timed tests: the
 * machines are shared, so each figure comes with a baseline measured in the same run.
 */
const benches: Array<[string, () => string[] | Promise<string[]>]> = [
  ['policy engine', benchDueInstants],
  ['backend: serving the first sync', benchSyncServe],
  ['renderer cache: first sync in Chromium', benchCacheSync],
  ['backend: two instances under 200 desktops and 50 mutations/s (PostgreSQL)', benchLoad],
  ['workspace UI: 100k cached tickets in Chromium', benchWorkspaceUi],
  ['renderer search index: 100k tickets with their messages', async () => (await import('./search.bench')).benchSearch()],
];

for (const [name, bench] of benches) {
  console.log(`# ${name}`);
  for (const line of await bench()) console.log(line);
}
