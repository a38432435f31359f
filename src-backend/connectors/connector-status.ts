import type { ConnectorHealth, ConnectorState, ConnectorStatus, ConnectorSummary } from '@shared/contract';
import { namedStatement, type Queryable } from '../db/database';
import { isoOrNull } from '../domain/db-instants';

/** The connector this process runs, as operations may see it: no credential. */
export interface ConfiguredHelpdesk {
  /** The connector's name in stored state (`request-tracker`). */
  helpdesk: string;
  url: string;
  /** The name this process's mirror runs hold the lease under (mirror-lease.ts). */
  mirrorHolder: string;
}

/** A mirror that has not caught up for this long is lagging (the poll interval is seconds). */
export const LAGGING_AFTER_SECONDS = 120;

export const NO_CONNECTOR_MESSAGE = 'no helpdesk connector is configured: start the backend with --connector <file.json> (docs/connectors.md)';

// One row per connector known to the database: its state, its links and its waiting write-backs.
const STATE_SQL = namedStatement(
  'connector_status',
  `SELECT c.connector, s.high_water, s.last_mirror_at, s.last_error, s.last_error_at, s.mirror_holder, s.mirror_lease_until,
          (SELECT count(*) FROM connector_tickets t WHERE t.connector = c.connector)::int AS mirrored,
          w.waiting, w.oldest
     FROM (SELECT connector FROM connector_state
           UNION SELECT connector FROM connector_writebacks WHERE state = 'pending'
           UNION SELECT $1::text WHERE $1::text IS NOT NULL) c
     LEFT JOIN connector_state s ON s.connector = c.connector
     CROSS JOIN LATERAL (SELECT count(*)::int AS waiting, min(created_at) AS oldest
                           FROM connector_writebacks w WHERE w.connector = c.connector AND w.state = 'pending') w
    ORDER BY c.connector`,
);

interface StateRow {
  connector: string;
  high_water: unknown;
  last_mirror_at: unknown;
  last_error: string | null;
  last_error_at: unknown;
  mirror_holder: string | null;
  mirror_lease_until: unknown;
  mirrored: number;
  waiting: number;
  oldest: unknown;
}

/**
 * Every connector the database knows (state, or actions waiting) and the one configured here.
 * `configured` null: a local admin command, which runs no connector and reads the database only.
 */
export async function readConnectorStatus(q: Queryable, now: Date, configured: ConfiguredHelpdesk | null): Promise<ConnectorStatus> {
  const { rows } = await q.query<StateRow>(STATE_SQL, [configured?.helpdesk ?? null]);
  if (rows.length === 0) return { configured: false, message: NO_CONNECTOR_MESSAGE };
  return { configured: true, connectors: rows.map((row) => connectorState(row, now, row.connector === configured?.helpdesk ? configured : null)) };
}

/** The configured connector in three numbers, for `/v1/health`; null without one. */
export async function readConnectorSummary(q: Queryable, now: Date, configured: ConfiguredHelpdesk | null): Promise<ConnectorSummary | null> {
  if (configured === null) return null;
  const status = await readConnectorStatus(q, now, configured);
  const mine = status.configured ? status.connectors.find((c) => c.helpdesk === configured.helpdesk) : undefined;
  return mine === undefined ? null : { status: mine.status, lagSeconds: mine.lagSeconds, actionsWaiting: mine.actionsWaiting };
}

function connectorState(row: StateRow, now: Date, configured: ConfiguredHelpdesk | null): ConnectorState {
  const lastMirrorAt = isoOrNull(row.last_mirror_at);
  const lastErrorAt = isoOrNull(row.last_error_at);
  const lagSeconds = lastMirrorAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(lastMirrorAt)) / 1000));
  const failing = row.last_error !== null && (lastMirrorAt === null || lastErrorAt === null || lastErrorAt > lastMirrorAt);
  return {
    helpdesk: row.connector,
    url: configured?.url ?? null,
    status: health(failing, lagSeconds),
    lastMirrorAt,
    highWater: isoOrNull(row.high_water),
    lagSeconds,
    lastError: row.last_error === null ? null : { message: row.last_error, at: lastErrorAt },
    mirroredTickets: Number(row.mirrored),
    actionsWaiting: Number(row.waiting),
    oldestWaitingSince: isoOrNull(row.oldest),
    mirrorLease: mirrorLease(row, configured),
  };
}

/** Who holds the mirror's lease (a pass under way, or a dead instance's until it runs out), from the database. */
function mirrorLease(row: StateRow, configured: ConfiguredHelpdesk | null): ConnectorState['mirrorLease'] {
  const until = isoOrNull(row.mirror_lease_until);
  if (row.mirror_holder === null || until === null) return null;
  return { holder: row.mirror_holder, until, heldHere: configured === null ? null : row.mirror_holder === configured.mirrorHolder };
}

function health(failing: boolean, lagSeconds: number | null): ConnectorHealth {
  if (failing) return 'failing';
  if (lagSeconds === null) return 'starting';
  return lagSeconds > LAGGING_AFTER_SECONDS ? 'lagging' : 'ok';
}
