import { benchCacheSync } from './cache-sync.bench';
import { benchCancellationDetection } from './cancellation-detection.bench';
import { benchDueInstants } from './due-instants.bench';
import { benchLoad } from './load.bench';
import { benchSyncServe } from './sync-serve.bench';
import { benchWorkspaceUi } from './workspace-ui.bench';

/**
 * `npm run bench`: every benchmark (or those named on the command line), printed as figures. Benchmarks are not timed tests: the
 * machines are shared, so each figure comes with a baseline measured in the same run.
 */
const benches: Array<[string, () => string[] | Promise<string[]>]> = [
  ['policy engine', benchDueInstants],
  ['policy engine: cancellation requests in ticket texts', benchCancellationDetection],
  ['backend: serving the first sync', benchSyncServe],
  ['renderer cache: first sync in Chromium', benchCacheSync],
  ['backend: two instances under 200 desktops and 50 mutations/s (PostgreSQL)', benchLoad],
  ['workspace UI: 100k cached tickets in Chromium', benchWorkspaceUi],
  ['renderer search index: 100k tickets with their messages', async () => (await import('./search.bench')).benchSearch()],
  ['Request Tracker 5: paging 1,000 tickets with their history through the REST 2.0 client, and mirroring them', async () => (await import('./rt-paging.bench')).benchRtPaging()],
  ['Request Tracker 5: write-back latency of a reply through the backend', async () => (await import('./rt-writeback.bench')).benchRtWriteback()],
];

// `npm run bench -- cache` runs only the benchmarks whose name holds one of the words given.
const wanted = process.argv.slice(2).map((word) => word.toLowerCase());
const chosen = benches.filter(([name]) => wanted.length === 0 || wanted.some((word) => name.toLowerCase().includes(word)));
if (chosen.length === 0) {
  console.error(`no benchmark matches ${wanted.join(', ')}; there are: ${benches.map(([name]) => name).join('; ')}`);
  process.exit(2);
}

for (const [name, bench] of chosen) {
  console.log(`# ${name}`);
  for (const line of await bench()) console.log(line);
}
