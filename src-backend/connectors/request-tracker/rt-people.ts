import { ok, type Result } from '@shared/ipc/result';
import type { HelpdeskPerson } from '../helpdesk-connector';
import type { RtClient } from './rt-client';
import type { RtUser } from './rt-schemas';

export interface RtPerson extends HelpdeskPerson {
  /** The user's custom fields by name (the plan may live in one). */
  fields: Map<string, string[]>;
  /** RT's placeholder owner of unowned tickets. */
  nobody: boolean;
}

function personOf(user: RtUser): RtPerson {
  const email = user.EmailAddress.trim() === '' ? null : user.EmailAddress.trim();
  return {
    externalId: String(user.id),
    email,
    name: user.RealName.trim() || email || user.Name,
    staff: user.Privileged,
    organization: null,
    fields: new Map(user.CustomFields.map((field) => [field.name, field.values])),
    nobody: user.Name === 'Nobody',
  };
}

/**
 * RT users as people, each read once per mirror run: tickets and transactions name users by login
 * or by number, and a run meets the same few users again and again. A new run starts afresh, so a
 * user made privileged in RT counts as staff from the next run on.
 */
export class RtPeople {
  private cache = new Map<string, Promise<Result<RtPerson>>>();

  constructor(private readonly client: RtClient) {}

  forget(): void {
    this.cache = new Map();
  }

  get(idOrName: string): Promise<Result<RtPerson>> {
    let found = this.cache.get(idOrName);
    if (found === undefined) {
      found = this.client.user(/^\d+$/.test(idOrName) ? Number(idOrName) : idOrName).then((answer) => (answer.ok ? ok(personOf(answer.value)) : answer));
      this.cache.set(idOrName, found);
      // A failed read is asked again next time rather than remembered.
      void found.then((answer) => {
        if (!answer.ok) this.cache.delete(idOrName);
      });
    }
    return found;
  }
}
