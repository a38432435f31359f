import { fail, ok, type Result } from '@shared/ipc/result';
import type { ConnectorConfig } from '../connector-config';
import type { RtClient } from './rt-client';
import type { RtQueue } from './rt-schemas';

async function allQueues(client: RtClient): Promise<Result<RtQueue[]>> {
  const queues: RtQueue[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const answer = await client.queues(page);
    if (!answer.ok) return answer;
    queues.push(...answer.value.items);
    page = answer.value.nextPage;
  }
  return ok(queues);
}

/** The ticket custom fields the mapping reads, each with where the configuration names it. */
function ticketFields(config: ConnectorConfig): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  if (config.plan !== undefined && 'ticketCustomField' in config.plan) fields.push([config.plan.ticketCustomField, 'plan.ticketCustomField']);
  if (config.urgent !== undefined && 'customField' in config.urgent) fields.push([config.urgent.customField, 'urgent.customField']);
  return fields;
}

/**
 * Checks the token and every RT name the configuration uses: each mapped queue exists and has each
 * ticket custom field the mapping reads, and a user custom field for the plan exists. Answers RT
 * queue id -> name for the mapped queues. Each error names the configuration path it is about.
 */
export async function verifyRtMapping(client: RtClient, config: ConnectorConfig): Promise<Result<Map<string, string>>> {
  const queues = await allQueues(client);
  if (!queues.ok) return queues.error.code === 'unauthorized' ? fail('unauthorized', `RT at ${config.url} refused the token (RT_TOKEN_FILE / RT_TOKEN): ${queues.error.message}`) : queues;
  const user = await client.user(config.user);
  if (!user.ok) return user.error.code === 'not-found' ? fail('unknown-user', `user: RT has no user '${config.user}' (the login the token belongs to)`) : user;
  const byName = new Map(queues.value.map((queue) => [queue.Name, queue]));
  const names = new Map<string, string>();
  for (const name of Object.keys(config.queues)) {
    const queue = byName.get(name);
    if (queue === undefined) return fail('unknown-queue', `queues.${name}: RT has no queue '${name}' (it has ${[...byName.keys()].map((n) => `'${n}'`).join(', ') || 'none the token may see'})`);
    names.set(String(queue.id), name);
    const fields = await client.queueTicketFields(queue.id);
    if (!fields.ok) return fields;
    for (const [field, path] of ticketFields(config)) {
      if (!fields.value.includes(field)) return fail('unknown-custom-field', `${path}: RT's queue '${name}' has no ticket custom field '${field}'`);
    }
  }
  if (config.plan !== undefined && 'userCustomField' in config.plan) {
    const field = config.plan.userCustomField;
    const found = await client.customFieldsNamed(field);
    if (!found.ok) return found;
    if (!found.value.some((cf) => cf.LookupType === 'RT::User')) return fail('unknown-custom-field', `plan.userCustomField: RT has no user custom field '${field}'`);
  }
  return ok(names);
}
