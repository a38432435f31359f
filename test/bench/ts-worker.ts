import { Worker } from 'node:worker_threads';

/**
 * A worker thread running a TypeScript module of the benches. The worker registers tsx itself:
 * the loader of the main thread does not carry over to workers.
 */
export function startTsWorker(module: URL, workerData: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(module.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}
