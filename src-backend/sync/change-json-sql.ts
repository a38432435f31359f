import type { EntityName } from '@shared/contract';
import { rowJsonSql } from '../domain/row-mappers';

/**
 * SQL that has the database write each change as the contract's JSON: a page is then the
 * concatenation of texts the database produced, with no row parsed, mapped or stringified in
 * between (see read-sync-page.ts).
 */

/** text: `{ op: 'upsert', entity, id, version, row }` as JSON, for the row of `entity` aliased `alias`. */
export function upsertJsonSql(entity: EntityName, alias: string): string {
  return `('{"op":"upsert","entity":"${entity}","id":"' || ${alias}.id || '","version":' || ${alias}.version::text || ',"row":' || ${rowJsonSql(entity, alias)} || '}')`;
}

/** text of a change-log entry (`log`: entity, entity_id, seq): a delete or a purge, whose version is its seq. */
export const DELETE_JSON_SQL = `('{"op":"delete","entity":' || to_json(log.entity)::text || ',"id":' || to_json(log.entity_id)::text || ',"version":' || log.seq::text || '}')`;
export const PURGE_JSON_SQL = `('{"op":"purge","accountId":' || to_json(log.entity_id)::text || ',"version":' || log.seq::text || '}')`;

/**
 * Binds `$name` placeholders to positional parameters, in order of first use, so that a statement
 * lists only the parameters it uses (PostgreSQL cannot type one it never sees).
 */
export function bindNamed(sql: string, values: Readonly<Record<string, unknown>>): { text: string; params: unknown[] } {
  const order: string[] = [];
  const text = sql.replace(/\$([a-z][a-z0-9]*)/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`no value for the SQL parameter $${name}`);
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text, params: order.map((name) => values[name]) };
}
