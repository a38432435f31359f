import type { AdminEngineer, AuditEntry, ConnectorState, ConnectorStatus, IssuedSignInCode, IssuedToken, TokenSummary } from '@shared/contract';
import type { AdminActionName } from './admin-actions';
import type { EndpointRequest } from './remote-client';

type Options = Record<string, string | boolean | undefined>;

/** One `npm run admin -- <group> <verb>`: the action it runs, how its options become the request, how its answer reads. */
interface AdminCommand {
  action: AdminActionName;
  /** Takes one positional argument: the id of the row acted on. */
  takesId?: boolean;
  request(options: Options, id: string | undefined): EndpointRequest;
  show(output: unknown): string;
}

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

const engineerLine = (e: AdminEngineer): string => `${e.id}  ${e.name} <${e.email}>${e.disabled ? '  (disabled)' : ''}`;
const tokenLine = (t: TokenSummary): string =>
  `${t.id}  ${t.role.padEnd(8)} ${t.status.padEnd(17)} ${t.holder}  created ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}${t.expiresAt === null ? '' : `  expires ${t.expiresAt}`}${t.revokedAt === null ? '' : `  revoked ${t.revokedAt}`}`;
const auditLine = (a: AuditEntry): string => `${a.id}  ${a.at}  ${a.actor}  ${a.action}${a.target === null ? '' : ` ${a.target}`}`;

const connectorLines = (c: ConnectorState): string[] => [
  `${c.helpdesk}${c.url === null ? '' : ` ${c.url}`}: ${c.status}${c.lagSeconds === null ? '' : `, ${c.lagSeconds} s behind`}`,
  `  last mirror ${c.lastMirrorAt ?? 'never'}, high-water ${c.highWater ?? 'none'}, ${c.mirroredTickets} tickets mirrored`,
  `  actions waiting ${c.actionsWaiting}${c.oldestWaitingSince === null ? '' : ` (oldest since ${c.oldestWaitingSince})`}`,
  ...(c.mirrorLease === null ? [] : [`  mirror lease held by ${c.mirrorLease.holder}${c.mirrorLease.heldHere === true ? ' (this instance)' : ''} until ${c.mirrorLease.until}`]),
  ...(c.lastError === null ? [] : [`  last error ${c.lastError.at ?? ''}: ${c.lastError.message}`]),
];

function expiresAt(options: Options): string | undefined {
  const days = text(options['expires-in-days']);
  if (days === undefined) return undefined;
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1) throw new Error(`--expires-in-days must be a whole number of days from 1; got ${JSON.stringify(days)}`);
  return new Date(Date.now() + Number(days) * 86_400_000).toISOString();
}

/** A command that lists rows, one line each. */
function listing<T>(action: AdminActionName, lines: (output: T) => string[], empty: string): AdminCommand {
  return { action, request: () => ({}), show: (output) => lines(output as T).join('\n') || empty };
}

export const adminCommands: Record<string, AdminCommand> = {
  'engineers list': listing('listEngineers', (output: { engineers: AdminEngineer[] }) => output.engineers.map(engineerLine), 'no engineers yet'),
  'engineers add': {
    action: 'addEngineer',
    request: (o) => ({ body: { name: text(o.name), email: text(o.email) } }),
    show: (output) => `added ${engineerLine(output as AdminEngineer)}\nsign them in: npm run admin -- sign-in-codes issue --engineer ${(output as AdminEngineer).id}`,
  },
  'engineers disable': { action: 'disableEngineer', takesId: true, request: (_o, id) => ({ params: { id: id ?? '' } }), show: (output) => engineerLine(output as AdminEngineer) },
  'engineers enable': { action: 'enableEngineer', takesId: true, request: (_o, id) => ({ params: { id: id ?? '' } }), show: (output) => engineerLine(output as AdminEngineer) },
  'tokens list': listing('listTokens', (output: { tokens: TokenSummary[] }) => output.tokens.map(tokenLine), 'no tokens'),
  'tokens issue': {
    action: 'issueToken',
    request: (o) => ({
      body: { role: o.admin === true ? 'admin' : 'engineer', engineerId: text(o.engineer), label: text(o.label), expiresAt: expiresAt(o) },
    }),
    show: (output) => {
      const { token, summary } = output as IssuedToken;
      return `${tokenLine(summary)}\ntoken (shown this once, only its hash is kept): ${token}`;
    },
  },
  'tokens revoke': { action: 'revokeToken', takesId: true, request: (_o, id) => ({ params: { id: id ?? '' } }), show: (output) => tokenLine(output as TokenSummary) },
  'sign-in-codes issue': {
    action: 'issueSignInCode',
    request: (o) => ({ body: { engineerId: text(o.engineer), ...(text(o.minutes) === undefined ? {} : { minutes: Number(o.minutes) }) } }),
    show: (output) => {
      const code = output as IssuedSignInCode;
      return `sign-in code for ${code.engineerId}: ${code.code}\nworks once, until ${code.expiresAt}: the engineer enters it in the app with the backend URL`;
    },
  },
  'audit list': {
    action: 'listAudit',
    request: (o) => ({ query: Object.fromEntries(Object.entries({ limit: text(o.limit), before: text(o.before) }).filter(([, v]) => v !== undefined)) as Record<string, string> }),
    show: (output) => (output as { entries: AuditEntry[] }).entries.map(auditLine).join('\n') || 'the audit log is empty',
  },
  'connector status': listing('connectorStatus', (output: ConnectorStatus) => (output.configured ? output.connectors.flatMap(connectorLines) : [output.message]), ''),
};
