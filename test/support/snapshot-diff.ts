import { entityNames, type EntityName } from '@shared/contract';
import { canonicalJson, type CacheSnapshot } from '../../src-renderer/db/canonical-hash';

/** How one entity differs between the cache and the backend, by row id. */
export interface EntityDiff {
  entity: EntityName;
  /** In the backend, not in the cache. */
  missing: string[];
  /** In the cache, not in the backend (a purged, deleted or never-existing row). */
  extra: string[];
  /** The same id more than once in the cache's snapshot. */
  duplicated: string[];
  /** In both, with another version or other content. */
  changed: string[];
}

function duplicatesOf(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) (seen.has(id) ? twice : seen).add(id);
  return [...twice];
}

/** Every entity whose rows differ; empty when the two snapshots hold exactly the same rows. */
export function diffSnapshots(cache: CacheSnapshot, backend: CacheSnapshot): EntityDiff[] {
  const diffs: EntityDiff[] = [];
  for (const entity of entityNames) {
    const mine = new Map(cache[entity].map((entry) => [entry.id, entry]));
    const theirs = new Map(backend[entity].map((entry) => [entry.id, entry]));
    const diff: EntityDiff = {
      entity,
      missing: [...theirs.keys()].filter((id) => !mine.has(id)),
      extra: [...mine.keys()].filter((id) => !theirs.has(id)),
      duplicated: duplicatesOf(cache[entity].map((entry) => entry.id)),
      changed: [...theirs.keys()].filter((id) => {
        const a = mine.get(id);
        const b = theirs.get(id);
        return a !== undefined && b !== undefined && (a.version !== b.version || canonicalJson(a.row) !== canonicalJson(b.row));
      }),
    };
    if (diff.missing.length + diff.extra.length + diff.duplicated.length + diff.changed.length > 0) diffs.push(diff);
  }
  return diffs;
}

/** A failure message that names the rows, a few per kind. */
export function describeDiffs(diffs: readonly EntityDiff[]): string {
  const few = (ids: readonly string[]) => `${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` (+${ids.length - 5} more)` : ''}`;
  return diffs
    .map((d) =>
      [
        d.missing.length > 0 ? `missing ${d.missing.length} [${few(d.missing)}]` : '',
        d.extra.length > 0 ? `extra ${d.extra.length} [${few(d.extra)}]` : '',
        d.duplicated.length > 0 ? `duplicated ${d.duplicated.length} [${few(d.duplicated)}]` : '',
        d.changed.length > 0 ? `changed ${d.changed.length} [${few(d.changed)}]` : '',
      ]
        .filter((part) => part !== '')
        .map((part) => `${d.entity}: ${part}`)
        .join('; '),
    )
    .join('\n');
}

/** Rows per entity, for the run logs. */
export function rowCounts(snapshot: CacheSnapshot): string {
  return entityNames.map((entity) => `${entity}=${snapshot[entity].length}`).join(' ');
}
