import type { TicketSource } from '@shared/policy';

/** One concrete request of a topic: what the customer asks and what support answers, which belong together. */
export interface TopicVariant {
  /** Ways the customer words the subject line. */
  subjects: readonly string[];
  /** The customer's first paragraph. */
  problem: string;
  /** The first staff reply. */
  reply: string;
  /** What the customer writes back to that reply. */
  followUp: string;
  /** The staff message that solves the ticket. */
  resolution: string;
}

/**
 * One kind of request customers send. Texts are templates: {product}, {version}, {latest},
 * {other} (another of the vendor's products), {customer} (requester's first name) and {staff}
 * (engineer's first name) are filled in. Customer texts carry the words that the scope
 * categories' keywords look for, so scope suggestions have something to find.
 */
export interface DemoTopic {
  id: string;
  /** The scope category an engineer picks for it (Preset B); null when none fits. */
  categoryId: string | null;
  /** Relative frequency among all tickets. */
  weight: number;
  variants: readonly TopicVariant[];
  /** An optional second paragraph of the first message. */
  details: readonly string[];
  /** At most this many rounds after the first reply (default 3). */
  maxRounds?: number;
  /** A request for a license key (the discontinued-product check applies). */
  licenseKey?: boolean;
  /** What the engineer finds when checking the installation (items 4 to 6 of the checklist). */
  findings?: { codeNotCustomized?: boolean; dataNotModified?: boolean; addonsPurchased?: boolean };
  /** Always about this product (the discontinued one). */
  productId?: string;
  /** The customer runs an older release, never the latest. */
  outdated?: boolean;
  /** Always arrives this way (forum referrals). */
  source?: TicketSource;
  /** Asks to cancel: the staff reply is the policy's cancellation reply, not the variant's. */
  cancellation?: boolean;
}

/** Templates split once into literal text (even indexes) and placeholder names (odd indexes). */
const compiled = new Map<string, string[]>();

/** Fills `{name}` placeholders; unknown names stay as they are so a typo shows in the data. */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  let parts = compiled.get(template);
  if (parts === undefined) {
    parts = template.split(/\{(\w+)\}/);
    compiled.set(template, parts);
  }
  if (parts.length === 1) return template;
  let text = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    text += (values[name] ?? `{${name}}`) + (parts[i + 1] as string);
  }
  return text;
}
