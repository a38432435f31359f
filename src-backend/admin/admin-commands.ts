import type { AdminEngineer, AuditEntry, ConnectorState, IssuedSignInCode, IssuedToken, TokenSummary } from '@shared/contract';
import type { AdminActionName, AdminActionOutput } from './admin-actions';
import { AdminUsageError } from './admin-command';
import { readBillingExport, readPolicyDocument } from './command-files';
import { formatPolicies, formatRecompute, formatReplaced, formatImport } from './format-answers';
import type { EndpointRequest } from './remote-client';

export type Options = Record<string, string | boolean | undefined>;

/** One `npm run admin -- <group> <verb>`: the words that call it, how its options become its endpoint's request, how the answer reads. */
export interface AdminCommand<N extends AdminActionName> {
  words: string;
  /** The one positional argument it takes, as the usage names it. */
  argument?: string;
  options?: string;
  says: string;
  request(options: Options, argument: string | undefined): EndpointRequest | Promise<EndpointRequest>;
  show(output: AdminActionOutput<N>, argument: string | undefined): string;
}

const text = (value: string | boolean | undefined): string | undefined => (typeof value === 'string' ? value : undefined);
const byId = (_o: Options, id: string | undefined): EndpointRequest => ({ params: { id: id ?? '' } });

const engineerLine = (e: AdminEngineer): string => `${e.id}  ${e.name} <${e.email}>${e.disabled ? '  (disabled)' : ''}`;
const tokenLine = (t: TokenSummary): string =>
  `${t.id}  ${t.role.padEnd(8)} ${t.status.padEnd(17)} ${t.holder}  created ${t.createdAt}  last used ${t.lastUsedAt ?? 'never'}${t.expiresAt === null ? '' : `  expires ${t.expiresAt}`}${t.revokedAt === null ? '' : `  revoked ${t.revokedAt}`}`;
const auditLine = (a: AuditEntry): string => `${a.id}  ${a.at}  ${a.actor}  ${a.action}${a.target === null ? '' : ` ${a.target}`}`;

function expiresAt(options: Options): string | undefined {
  const days = text(options['expires-in-days']);
  if (days === undefined) return undefined;
  if (!/^\d{1,4}$/.test(days) || Number(days) < 1) throw new AdminUsageError(`--expires-in-days must be a whole number of days from 1; got ${JSON.stringify(days)}`);
  return new Date(Date.now() + Number(days) * 86_400_000).toISOString();
}

const connectorLines = (c: ConnectorState): string => [
  `${c.helpdesk}${c.url === null ? '' : ` ${c.url}`}: ${c.status}${c.lagSeconds === null ? '' : `, ${c.lagSeconds} s behind`}`,
  `  last mirror ${c.lastMirrorAt ?? 'never'}, high-water ${c.highWater ?? 'none'}, ${c.mirroredTickets} tickets mirrored`,
  `  actions waiting ${c.actionsWaiting}${c.oldestWaitingSince === null ? '' : ` (oldest since ${c.oldestWaitingSince})`}`,
  ...(c.mirrorLease === null ? [] : [`  mirror lease held by ${c.mirrorLease.holder}${c.mirrorLease.heldHere === true ? ' (this instance)' : ''} until ${c.mirrorLease.until}`]),
  ...(c.lastError === null ? [] : [`  last error ${c.lastError.at ?? ''}: ${c.lastError.message}`]),
].join('\n');

const lines = <T>(items: T[], line: (item: T) => string, empty: string): string => items.map(line).join('\n') || empty;

/**
 * Every admin endpoint's command, keyed by the endpoint's name: the type asks for each endpoint
 * once, and its method, path and schemas come from the declaration, whichever way it runs.
 */
export const adminCommands: { [N in AdminActionName]: AdminCommand<N> } = {
  listEngineers: { words: 'engineers list', says: 'every engineer, disabled ones marked', request: () => ({}), show: (o) => lines(o.engineers, engineerLine, 'no engineers yet') },
  addEngineer: {
    words: 'engineers add',
    options: '--name <name> --email <address>',
    says: 'adds an engineer; prints their id',
    request: (o) => ({ body: { name: text(o.name), email: text(o.email) } }),
    show: (o) => `added ${engineerLine(o)}\nsign them in: npm run admin -- sign-in-codes issue --engineer ${o.id}`,
  },
  disableEngineer: { words: 'engineers disable', argument: '<engineer-id>', says: 'stops every token and code of the engineer', request: byId, show: engineerLine },
  enableEngineer: { words: 'engineers enable', argument: '<engineer-id>', says: 'restores them', request: byId, show: engineerLine },
  listTokens: { words: 'tokens list', says: 'who holds each token; never the token', request: () => ({}), show: (o) => lines(o.tokens, tokenLine, 'no tokens') },
  issueToken: {
    words: 'tokens issue',
    options: '(--engineer <engineer-id> | --admin --label <whose>) [--expires-in-days <n>]',
    says: 'a token, shown once',
    request: (o) => ({ body: { role: o.admin === true ? 'admin' : 'engineer', engineerId: text(o.engineer), label: text(o.label), expiresAt: expiresAt(o) } }),
    show: ({ token, summary }: IssuedToken) => `${tokenLine(summary)}\ntoken (shown this once, only its hash is kept): ${token}`,
  },
  revokeToken: { words: 'tokens revoke', argument: '<token-id>', says: 'refused within 5 s on every instance', request: byId, show: tokenLine },
  issueSignInCode: {
    words: 'sign-in-codes issue',
    options: '--engineer <engineer-id> [--minutes <1-60>]',
    says: 'a one-time code the engineer types into the app',
    request: (o) => ({ body: { engineerId: text(o.engineer), ...(text(o.minutes) === undefined ? {} : { minutes: Number(o.minutes) }) } }),
    show: (code: IssuedSignInCode) => `sign-in code for ${code.engineerId}: ${code.code}\nworks once, until ${code.expiresAt}: the engineer enters it in the app with the backend URL`,
  },
  listAudit: {
    words: 'audit list',
    options: '[--limit <n>] [--before <entry-id>]',
    says: 'the audit log, newest first',
    request: (o) => ({ query: Object.fromEntries(Object.entries({ limit: text(o.limit), before: text(o.before) }).filter(([, v]) => v !== undefined)) as Record<string, string> }),
    show: (o) => lines(o.entries, auditLine, 'the audit log is empty'),
  },
  showPolicy: { words: 'policy show', says: 'every workspace policy with all its versions', request: () => ({}), show: formatPolicies },
  replacePolicy: {
    words: 'policy replace',
    argument: '<file.json>',
    options: '--effective <instant|now>',
    says: 'a new version from a policy document, for tickets created from <instant> on',
    async request(o, file) {
      const effectiveFrom = text(o.effective);
      if (effectiveFrom === undefined) throw new AdminUsageError('policy replace needs <file.json> and --effective <instant>');
      return { body: { policy: await readPolicyDocument(file ?? ''), effectiveFrom } };
    },
    show: formatReplaced,
  },
  recomputePolicy: { words: 'policy recompute', says: 'moves open unanswered tickets to the version in force now', request: () => ({}), show: formatRecompute },
  importBilling: {
    words: 'billing import',
    argument: '<file.csv>',
    says: 'imports accounts and subscriptions (docs/billing-import.md)',
    request: async (_o, file) => ({ body: await readBillingExport(file ?? '') }),
    show: (summary, file) => formatImport(file ?? '', summary),
  },
  terminateAccount: { words: 'accounts terminate', argument: '<account-id>', says: "deletes the account's whole support history", request: byId, show: (_o, id) => `terminated ${id ?? ''}: its support history is deleted on every app` },
  connectorStatus: {
    words: 'connector status',
    says: "mirror progress, lag, last error, actions waiting (--backend adds the connector's URL and mirror lock)",
    request: () => ({}),
    show: (o) => (o.configured ? lines(o.connectors, connectorLines, '') : o.message),
  },
  runRetention: { words: 'retention run', says: 'deletes login details past their 30 days now', request: () => ({}), show: (o) => `deleted ${o.deleted} login detail(s) past their 30 days` },
};

/** The command a command line names, by its first two words. */
export function commandOf(words: string): { name: AdminActionName; command: AdminCommand<AdminActionName> } | undefined {
  const found = (Object.entries(adminCommands) as [AdminActionName, AdminCommand<AdminActionName>][]).find(([, command]) => command.words === words);
  return found === undefined ? undefined : { name: found[0], command: found[1] };
}

/** One line of the usage per command, in the table's order. */
export function commandUsage(): string {
  return Object.values(adminCommands as Record<string, AdminCommand<AdminActionName>>)
    .map((c) => [c.words, c.argument, c.options].filter((part) => part !== undefined).join(' ').padEnd(60) + c.says)
    .map((line) => `  ${line}`)
    .join('\n');
}
