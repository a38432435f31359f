import { fail, ok, type Result } from '@shared/ipc/result';
import type { ConnectorConfig } from '../connector-config';
import type { AppliedAction, ChangePage, HelpdeskAction, HelpdeskConnector, HighWaterMark, MappingDescription } from '../helpdesk-connector';
import { applyRtAction, findRtApplied, rtStatusesFromMapping, type RtWriteContext } from './rt-actions';
import { RtChanges, type ChangeOptions } from './rt-changes';
import { RtClient } from './rt-client';
import type { RtMapping } from './rt-mapping';
import { RtPeople } from './rt-people';
import { verifyRtMapping } from './rt-verify';

/** Request Tracker 5 behind the seam, through REST 2.0 with the configuration's mapping. */
export class RtConnector implements HelpdeskConnector {
  readonly kind = 'request-tracker';
  readonly client: RtClient;
  private readonly mapping: RtMapping;
  private readonly changes: RtChanges;
  private readonly writes: RtWriteContext;
  private verified = false;

  constructor(
    private readonly config: ConnectorConfig,
    token: string,
    options: ChangeOptions & { maxRequestsPerSecond?: number; timeoutMs?: number } = {},
  ) {
    this.client = new RtClient({ baseUrl: config.url, token, maxRequestsPerSecond: options.maxRequestsPerSecond ?? config.maxRequestsPerSecond, timeoutMs: options.timeoutMs });
    this.mapping = { config, queueNames: new Map(), people: new RtPeople(this.client) };
    this.changes = new RtChanges(this.client, this.mapping, options);
    this.writes = { client: this.client, statuses: rtStatusesFromMapping(config.statuses), rtUser: config.user };
  }

  async verify(): Promise<Result<MappingDescription>> {
    const names = await verifyRtMapping(this.client, this.config);
    if (!names.ok) return names;
    this.mapping.queueNames = names.value;
    this.verified = true;
    return ok(this.describeMapping());
  }

  changesSince(mark: HighWaterMark, page: string | null): Promise<Result<ChangePage>> {
    // Queue ids come from RT: without them no ticket maps.
    if (!this.verified) return Promise.resolve(fail('not-verified', 'the RT connector reads changes only after verify() succeeded'));
    return this.changes.page(mark, page);
  }

  applyAction(action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction>> {
    return applyRtAction(this.writes, action, after);
  }

  findApplied(action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction | null>> {
    return findRtApplied(this.writes, action, after);
  }

  describeMapping(): MappingDescription {
    const { queues, plan, urgent, statuses } = this.config;
    const lines = [
      ...Object.entries(queues).map(([queue, policy]) => `RT queue '${queue}' -> policy ${policy}`),
      plan === undefined ? 'plan: the requester account\'s subscription' : 'ticketCustomField' in plan ? `plan: ticket custom field '${plan.ticketCustomField}'` : `plan: user custom field '${plan.userCustomField}' of the requester`,
      urgent === undefined ? 'urgent: never' : 'customField' in urgent ? `urgent: custom field '${urgent.customField}' is ${urgent.values.map((v) => `'${v}'`).join(' or ')}` : `urgent: priority ${urgent.priorityAtLeast} or more`,
      `statuses: ${Object.entries(statuses).map(([rt, ours]) => `${rt} -> ${ours}`).join(', ')}; any other -> open`,
      'requesters -> accounts by email; privileged RT users -> engineers by email',
      'correspondence -> public messages, comments -> internal notes',
    ];
    return { helpdesk: `Request Tracker at ${this.config.url}`, lines };
  }
}
