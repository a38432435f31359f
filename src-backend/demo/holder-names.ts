import type { AccountRow } from '@shared/contract';
import { normalizeOrganization } from '@shared/policy';
import { emailPart, FIRST_NAMES, LAST_NAMES, LEGAL_FORMS, ORG_TOWNS, ORG_TRADES, ORG_WORDS, organizationDomain, PERSONAL_MAIL_DOMAINS } from './demo-names';
import type { SeededRandom } from './seeded-random';

export interface Holder {
  identity: Pick<AccountRow, 'holderName' | 'holderEmail' | 'organization'>;
  domain: string;
}

/** Hands out holder names, distinct organizations and distinct mailboxes. */
export class NameBook {
  private readonly organizations = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(private readonly random: SeededRandom) {}

  holder(needsOrganization: boolean): Holder {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const organization = needsOrganization || this.random.chance(0.82) ? this.organization() : null;
    const domain = organization === null ? this.random.pick(PERSONAL_MAIL_DOMAINS) : organizationDomain(stripLegalForm(organization));
    return { identity: { holderName: `${first} ${last}`, holderEmail: this.email(first, last, domain), organization }, domain };
  }

  /** Same organization under another legal form and another mailbox: the free term used twice. */
  abuserOf(original: AccountRow): Holder {
    const first = this.random.pick(FIRST_NAMES);
    const last = this.random.pick(LAST_NAMES);
    const stem = stripLegalForm(original.organization ?? 'Northwind Traders');
    const form = original.organization?.endsWith('LLC') ? 'Inc.' : 'LLC';
    const domain = this.random.pick(PERSONAL_MAIL_DOMAINS);
    return { identity: { holderName: `${first} ${last}`, holderEmail: this.email(first, last, domain), organization: `${stem} ${form}` }, domain };
  }

  private organization(): string {
    for (let attempt = 0; ; attempt++) {
      const town = attempt >= 4 ? ` ${this.random.pick(ORG_TOWNS)}` : '';
      const number = attempt >= 12 ? ` ${attempt}` : '';
      const stem = `${this.random.pick(ORG_WORDS)} ${this.random.pick(ORG_TRADES)}${town}${number}`;
      const key = normalizeOrganization(stem);
      if (this.organizations.has(key)) continue;
      this.organizations.add(key);
      const form = this.random.pick(LEGAL_FORMS);
      return form === '' ? stem : `${stem} ${form}`;
    }
  }

  private email(first: string, last: string, domain: string): string {
    const local = `${emailPart(first)}.${emailPart(last)}`;
    for (let n = 1; ; n++) {
      const email = `${local}${n === 1 ? '' : n}@${domain}`;
      if (!this.emails.has(email)) {
        this.emails.add(email);
        return email;
      }
    }
  }
}

function stripLegalForm(organization: string): string {
  for (const form of LEGAL_FORMS) if (form !== '' && organization.endsWith(` ${form}`)) return organization.slice(0, -form.length - 1);
  return organization;
}
