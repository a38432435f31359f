/** Names the demo data is made of: customers, their organizations, and the support team. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Mateo', 'Sophia', 'Lucas', 'Isabella', 'Ethan', 'Mia', 'Aiden',
  'Amelia', 'James', 'Harper', 'Benjamin', 'Evelyn', 'Elijah', 'Abigail', 'Daniel', 'Priya', 'Arjun', 'Mei',
  'Hiroshi', 'Yuki', 'Chen', 'Fatima', 'Omar', 'Aisha', 'Kwame', 'Zanele', 'Lars', 'Ingrid', 'Sven', 'Anouk',
  'Pieter', 'Camille', 'Louis', 'Chiara', 'Marco', 'Lucía', 'Diego', 'Joana', 'Tiago', 'Katarzyna', 'Tomasz',
  'Oksana', 'Dmitri', 'Eleni', 'Nikos', 'Siobhan', 'Declan', 'Rachel', 'David', 'Grace', 'Samuel', 'Nora', 'Felix',
  'Hannah', 'Jonas', 'Leah', 'Caleb', 'Maya', 'Owen', 'Zoe', 'Isaac', 'Ruth', 'Victor', 'Alma', 'Rafael',
] as const;

export const LAST_NAMES = [
  'Anderson', 'Brooks', 'Carter', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Hughes', 'Ito', 'Jensen', 'Kowalski',
  'Larsen', 'Moreau', 'Nakamura', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Underwood', 'Varga',
  'Walsh', 'Xu', 'Yilmaz', 'Zimmermann', 'Bianchi', 'Costa', 'Dubois', 'Eriksson', 'Fernandes', 'Gonzalez',
  'Haddad', 'Ivanova', 'Jovanovic', 'Kim', 'Lindqvist', 'Mensah', 'Novak', "O'Brien", 'Papadopoulos', 'Reyes',
  'Sato', 'Thompson', 'Van der Berg', 'Wagner', 'Novotná', 'Mbeki', 'Chaudhry', 'Nguyen', 'Hernández', 'Murphy',
] as const;

/**
 * Organization names are a distinctive word, a trade and sometimes a town. Thousands of accounts
 * need distinct organizations: two accounts of one organization are how free-term abuse is spotted,
 * so the demo must not create that by accident.
 */
export const ORG_WORDS = [
  'Northwind', 'Bluebird', 'Harbor', 'Maple & Oak', 'Summit', 'Kestrel', 'Lumen', 'Riverbend', 'Copperleaf', 'Atlas',
  'Greenfield', 'Helix', 'Orchard Street', 'Pinecrest', 'Quantum', 'Redwood', 'Silverline', 'Tidewater', 'Urban Sprout',
  'Vantage', 'Willow Creek', 'Yellowstone', 'Zephyr', 'Brightside', 'Cobalt', 'Driftwood', 'Evergreen', 'Foxglove',
  'Granite Peak', 'Hollow Tree', 'Ironclad', 'Juniper', 'Keystone', 'Lighthouse', 'Meridian', 'Nimbus', 'Oakridge',
  'Pelican', 'Quarry Lane', 'Rosewood', 'Sunflower', 'Thistle', 'Upland', 'Violet Hill', 'Wildflower', 'Amber Coast',
] as const;

export const ORG_TRADES = [
  'Traders', 'Dental', 'Logistics', 'Interiors', 'Outdoor Gear', 'Analytics', 'Photography', 'Veterinary', 'Bakery',
  'Tax Advisors', 'Schools Trust', 'Biolabs', 'Books', 'Realty', 'Print Shop', 'Legal', 'Travel', 'Marine Supply',
  'Florists', 'Fitness', 'Farms', 'Guides', 'Cycling', 'Tutoring', 'Security', 'Furniture', 'Clinics', 'Studio',
  'Construction', 'Toys', 'Roofing', 'Wellness', 'Plumbing', 'Charity', 'Consulting', 'Cloud Services', 'Pharmacy',
] as const;

export const ORG_TOWNS = ['Denver', 'Leeds', 'Austin', 'Lyon', 'Porto', 'Graz', 'Utrecht', 'Halifax', 'Tacoma', 'Bergen', 'Cork', 'Perth'] as const;

export const LEGAL_FORMS = ['Inc.', 'LLC', 'Ltd', 'GmbH', 'Co.', '', '', ''] as const;

/** Personal mailboxes of customers without an organization (reserved TLD: never a real mailbox). */
export const PERSONAL_MAIL_DOMAINS = ['mail.example', 'post.example', 'inbox.example'] as const;

/** The support team: five engineers, the first one gets the demo token. */
export const ENGINEERS = [
  { id: 'eng-01', name: 'Maya Lindqvist', email: 'maya.lindqvist@support.example.com' },
  { id: 'eng-02', name: 'Daniel Okafor', email: 'daniel.okafor@support.example.com' },
  { id: 'eng-03', name: 'Priya Raman', email: 'priya.raman@support.example.com' },
  { id: 'eng-04', name: 'Tomás Herrera', email: 'tomas.herrera@support.example.com' },
  { id: 'eng-05', name: 'Grace Whitfield', email: 'grace.whitfield@support.example.com' },
] as const;

/** Name shown on messages the support center writes itself (auto-close notices). */
export const SYSTEM_AUTHOR = 'Support Center';

/** `Van der Berg` -> `vanderberg`, `O'Brien` -> `obrien`, `Novotná` -> `novotna`: usable in an email. */
export function emailPart(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `Harbor Logistics` -> `harborlogistics.example` (reserved TLD: never a real mailbox). */
export function organizationDomain(name: string): string {
  return `${emailPart(name)}.example`;
}
