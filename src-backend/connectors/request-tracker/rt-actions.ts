import { fail, type Result } from '@shared/ipc/result';
import type { AppliedAction, HelpdeskAction } from '../helpdesk-connector';
import type { RtClient } from './rt-client';

/**
 * Engineers' actions applied to RT: the write-back's half of the connector, which replaces this
 * file. Until then the connector mirrors only, and says so when asked to act.
 */
export class RtActions {
  constructor(readonly client: RtClient) {}

  applyAction(action: HelpdeskAction): Promise<Result<AppliedAction>> {
    return Promise.resolve(fail('not-implemented', `writing ${action.kind} back to RT is not implemented yet`));
  }

  findApplied(action: HelpdeskAction, after: string | null): Promise<Result<AppliedAction | null>> {
    return Promise.resolve(fail('not-implemented', `looking for ${action.kind} after transaction ${after ?? 'none'} in RT is not implemented yet`));
  }
}
