import type { ChecklistAnswers, SubscriptionRow, TicketRow, TicketStatus } from '@shared/contract';
import { evaluateEligibility, type SupportPolicy, type TicketSource } from '@shared/policy';
import type { DemoProduct } from './demo-products';
import { latestRelease } from './demo-products';
import type { DemoTopic } from './demo-topic';
import type { SeededRandom } from './seeded-random';

export interface EligibilityInput {
  policy: SupportPolicy;
  subscription: SubscriptionRow;
  topic: DemoTopic;
  status: TicketStatus;
  createdAt: string;
  source: TicketSource;
  product: DemoProduct | null;
  productVersion: string | null;
}

export type TicketChecklist = Pick<TicketRow, 'checklistAnswers' | 'categoryId' | 'eligibility'>;

/**
 * Preset B: what the engineer has answered so far (everything once a ticket has been worked on,
 * little while it waits) and the verdict the backend stores. Preset A keeps no checklist.
 */
export function ticketChecklist(input: EligibilityInput, random: SeededRandom): TicketChecklist {
  const { policy, topic } = input;
  if (!policy.scope.checklistRequired) return { checklistAnswers: {}, categoryId: null, eligibility: null };
  const worked = input.status === 'pending' || input.status === 'solved' || input.status === 'closed';
  const findings = topic.findings ?? {};
  let answers: ChecklistAnswers = {};
  if (worked) {
    answers = {
      codeNotCustomized: findings.codeNotCustomized ?? true,
      dataNotModified: findings.dataNotModified ?? true,
      addonsPurchased: findings.addonsPurchased ?? true,
    };
  } else if (input.status === 'open' && random.chance(0.4)) {
    answers = { codeNotCustomized: findings.codeNotCustomized ?? true };
  }
  const categoryId = worked || random.chance(0.3) ? topic.categoryId : null;
  const { verdict } = evaluateEligibility({
    policy,
    facts: {
      createdAt: input.createdAt,
      entitlementWindows: input.subscription.entitlementWindows,
      productVersion: input.productVersion,
      latestStableVersion: input.product === null ? null : latestRelease(input.product),
      productDiscontinued: input.product?.discontinued ?? null,
      licenseKeyRequest: topic.licenseKey === true,
      source: input.source,
      categoryId,
    },
    answers,
  });
  const failed = verdict.kind === 'not-eligible' ? verdict.failed.map((f) => f.id) : [];
  return { checklistAnswers: answers, categoryId, eligibility: { kind: verdict.kind, failed } };
}
