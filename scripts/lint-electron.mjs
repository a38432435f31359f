// Runs Electronegativity (the static checker for Electron apps) over the main process, the preload
// and the renderer, and fails on any HIGH or MEDIUM finding. Its own CLI always exits 0, hence this
// wrapper. A finding that is safe by design is suppressed where it occurs with an
// `eng-disable CHECK_ID` comment that says why; nothing is suppressed here.
import run from '@doyensec/electronegativity';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const failing = new Set(['HIGH', 'MEDIUM']);

// The checker reads every .js/.ts/.html under its input; only the app's own code is scanned (not
// tests, build outputs or node_modules), from a copy laid out as in the repository.
const scanned = await mkdtemp(join(tmpdir(), 'electronegativity-'));
try {
  for (const path of ['src-main', 'src-renderer', 'src-shared', 'package.json']) await cp(join(root, path), join(scanned, path), { recursive: true });
  const electron = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).devDependencies.electron.replace(/^[^\d]*/, '');
  const result = await run({ input: scanned, electronVersionOverride: electron, isRelative: true }, false);
  for (const error of result.errors) console.error(`electronegativity could not parse ${error.file}: ${error.message}`);
  const findings = result.issues.map((i) => ({ severity: i.severity.name, confidence: i.confidence.name, id: i.id, at: `${i.file}:${i.location.line}:${i.location.column}`, review: i.manualReview }));
  for (const f of findings) console.log(`${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id.padEnd(40)} ${f.at}${f.review ? ' (review)' : ''}`);
  const blocking = findings.filter((f) => failing.has(f.severity));
  const fatalErrors = result.errors.filter((e) => !e.tolerable);
  console.log(`electronegativity: ${result.globalChecks + result.atomicChecks} checks, ${findings.length} findings, ${blocking.length} HIGH or MEDIUM, ${fatalErrors.length} files not parsed`);
  process.exitCode = blocking.length > 0 || fatalErrors.length > 0 ? 1 : 0;
} finally {
  await rm(scanned, { recursive: true, force: true });
}
