import type { AccountRow } from '@shared/contract';
import type { TicketSource } from '@shared/policy';
import { emailPart, FIRST_NAMES, LAST_NAMES } from './demo-names';
import { DEMO_PRODUCTS, latestRelease, type DemoProduct } from './demo-products';
import type { DemoTopic } from './demo-topic';
import type { SeededRandom } from './seeded-random';

/** Where a ticket comes from: channel, product and version, and who wrote it. */

export const TICKET_SOURCES: readonly TicketSource[] = ['portal', 'email', 'phone', 'chat', 'forum-referred'];
export const TICKET_SOURCE_WEIGHTS = [55, 25, 7, 9, 4];
const PRODUCT_WEIGHTS = DEMO_PRODUCTS.map((p) => p.weight);

export function productFor(topic: DemoTopic, random: SeededRandom): DemoProduct | null {
  if (topic.productId !== undefined) return DEMO_PRODUCTS.find((p) => p.id === topic.productId) ?? null;
  if (!topic.licenseKey && random.chance(topic.cancellation ? 0.5 : 0.06)) return null;
  return random.weighted(DEMO_PRODUCTS, PRODUCT_WEIGHTS);
}

/** Mostly the latest release; some customers lag behind, and a few do not say. */
export function versionFor(product: DemoProduct | null, topic: DemoTopic, random: SeededRandom): string | null {
  if (product === null) return null;
  const older = product.releases.slice(0, -1);
  if (topic.outdated || random.chance(0.12)) return random.pick(older.length > 0 ? older : product.releases);
  if (random.chance(0.04)) return null;
  return latestRelease(product);
}

/** Usually the holder; sometimes a colleague on the holder's plan (which the policy flags). */
export function requesterFor(holder: Pick<AccountRow, 'holderName' | 'holderEmail'>, domain: string, random: SeededRandom): { name: string; email: string } {
  if (!random.chance(0.1)) return { name: holder.holderName, email: holder.holderEmail };
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { name: `${first} ${last}`, email: `${emailPart(first)}.${emailPart(last)}@${domain}` };
}
