import { ENGINEERS, emailPart, organizationDomain } from '../../src-backend/demo/demo-names';

/**
 * The people of the demo helpdesk: three staff (RT privileged users, the demo's engineers) and
 * twelve requesters of five organisations, plus one writing from a personal address that billing
 * does not know. Every address is under a reserved `.example` domain.
 */
export interface StaffMember {
  login: string;
  name: string;
  email: string;
  password: string;
}

export interface Requester {
  name: string;
  email: string;
  organization: string | null;
  password: string;
}

/** What billing knows of an organisation: its plan, and whether the subscription has ended. */
interface Organisation {
  name: string;
  plan: 'gold' | 'platinum';
  expired?: boolean;
  people: readonly string[];
}

const ORGANISATIONS: readonly Organisation[] = [
  { name: 'Harbor Logistics', plan: 'platinum', people: ['Mia Chen', 'Jonas Weber', 'Aisha Bello'] },
  { name: 'Northwind Dental', plan: 'gold', people: ['Lucas Moreau', 'Hana Sato', 'Owen Price'] },
  { name: 'Bergen Print', plan: 'gold', people: ['Ingrid Dahl', 'Marco Rossi'] },
  { name: 'Lyon Bakeries', plan: 'platinum', people: ['Camille Durand'] },
  { name: 'Cork Analytics', plan: 'gold', expired: true, people: ['Niamh Walsh', 'Sean Byrne'] },
];

const PERSONAL: Requester = { name: 'Tom Baker', email: 'tom.baker@mail.example', organization: null, password: 'demo-customer' };

export const STAFF: readonly StaffMember[] = ENGINEERS.slice(0, 3).map((e) => ({
  login: emailPart(e.name.split(' ')[0] as string),
  name: e.name,
  email: e.email,
  password: 'demo-staff',
}));

export const REQUESTERS: readonly Requester[] = [
  ...ORGANISATIONS.flatMap((org) =>
    org.people.map((name) => ({
      name,
      email: `${name.split(' ').map(emailPart).join('.')}@${organizationDomain(org.name)}`,
      organization: org.name,
      password: 'demo-customer',
    })),
  ),
  PERSONAL,
];

const PRICE_CENTS = { gold: 14_900, platinum: 39_900 } as const;
const DAY_MS = 86_400_000;

const csvCell = (value: string): string => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The billing export for the requesters (docs/billing-import.md): one account per requester of an
 * organisation, each with its organisation's plan under the plan-based SLA. Cork Analytics
 * cancelled two months ago, so its subscriptions have ended; the personal address has no account.
 */
export function billingCsv(now: Date): string {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 19) + 'Z';
  const header = 'event,account_id,subscription_id,at,holder_name,holder_email,organization,policy,plan,price_cents';
  const rows = ORGANISATIONS.flatMap((org) =>
    org.people.map((name) => {
      const requester = REQUESTERS.find((r) => r.name === name) as Requester;
      const id = `acc-${requester.email.split('@')[0]?.replace(/[^a-z0-9]/g, '-')}`;
      const sub = `sub-${id.slice(4)}`;
      const lines = [
        ['account', id, '', '', name, requester.email, org.name, '', '', ''],
        ['subscription', id, sub, at(org.expired === true ? 120 : 200), '', '', '', 'plan-sla', org.plan, String(PRICE_CENTS[org.plan])],
      ];
      if (org.expired === true) lines.push(['cancellation', '', sub, at(75), '', '', '', '', '', '']);
      return lines.map((cells) => cells.map(csvCell).join(',')).join('\n');
    }),
  );
  return `${header}\n${rows.join('\n')}\n`;
}
