import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ticketStatusSchema } from '@shared/contract';
import { fail, ok, type Result } from '@shared/ipc/result';

/** RT 5's default lifecycle, mapped to ours; a configuration names its own statuses to change it. */
const defaultStatusMap = { new: 'new', open: 'open', stalled: 'pending', resolved: 'solved', rejected: 'closed' } as const;

const nonBlank = z.string().trim().min(1, 'must not be empty');

/**
 * The connector configuration file (docs/connectors.md). It holds no secret: RT's token comes from
 * RT_TOKEN_FILE or RT_TOKEN, so the file may be shared and committed.
 */
const connectorConfigSchema = z.strictObject({
  helpdesk: z.literal('request-tracker'),
  url: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  /** The RT login the token belongs to: the write-back recognises its own transactions by it. */
  user: nonBlank,
  /** RT queue name -> the workspace policy its tickets run under. Only these queues are mirrored. */
  queues: z.record(nonBlank, nonBlank).refine((queues) => Object.keys(queues).length > 0, 'must map at least one queue to a policy id'),
  /** Where a ticket's plan comes from; absent: the requester account's subscription. */
  plan: z.union([z.strictObject({ ticketCustomField: nonBlank }), z.strictObject({ userCustomField: nonBlank })]).optional(),
  /** What makes a ticket urgent; absent: nothing does. */
  urgent: z.union([z.strictObject({ customField: nonBlank, values: z.array(nonBlank).min(1) }), z.strictObject({ priorityAtLeast: z.number().int() })]).optional(),
  /** RT status -> ours. RT statuses it does not name count as `open`. */
  statuses: z.record(nonBlank, ticketStatusSchema).default({ ...defaultStatusMap }),
  maxRequestsPerSecond: z.number().positive().max(1_000).default(10),
  pollIntervalMs: z.number().int().min(100).max(3_600_000).default(5_000),
  /** How long one instance's hold on the mirror lasts without progress before another may take over. */
  leaseMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
});
export type ConnectorConfig = z.infer<typeof connectorConfigSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? '(top level)' : issue.path.map(String).join('.')}: ${issue.message}`)
    .join('; ');
}

/** The configuration in `text`, or an error naming the JSON path of each mistake (never echoing values: a pasted token stays out of logs). */
export function parseConnectorConfig(text: string, source: string): Result<ConnectorConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail('bad-config', `connector configuration ${source} is not JSON: ${(error as Error).message}`);
  }
  if (typeof json === 'object' && json !== null && ('token' in json || 'password' in json)) {
    return fail('bad-config', `connector configuration ${source}: the RT token does not belong in it; set RT_TOKEN_FILE (an owner-only file) or RT_TOKEN`);
  }
  const parsed = connectorConfigSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : fail('bad-config', `connector configuration ${source}: ${describeIssues(parsed.error)}`);
}

export async function loadConnectorConfig(file: string): Promise<Result<ConnectorConfig>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return fail('bad-config', `connector configuration ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return parseConnectorConfig(text, file);
}
