import type { ProductRow, SubscriptionRow, TicketRow } from '@shared/contract';
import { evaluateEligibility, suggestScopeCategories, type EligibilityResult, type ScopeSuggestion, type SupportPolicy } from '@shared/policy';

/** Categories that make a ticket a license-key request: item 3 applies to those only (as the backend decides). */
const LICENSE_KEY_CATEGORIES = new Set(['license-key-server-change', 'discontinued-license-key']);

export interface EligibilityInput {
  policy: SupportPolicy;
  ticket: Pick<TicketRow, 'createdAt' | 'productVersion' | 'source' | 'categoryId' | 'checklistAnswers'>;
  subscription: Pick<SubscriptionRow, 'entitlementWindows'> | null;
  product: Pick<ProductRow, 'latestStableVersion' | 'discontinued'> | null;
  /** Subject and customer messages: what the category suggestions read. */
  text: string;
}

export type EligibilityModel =
  | { ok: true; result: EligibilityResult; suggestions: ScopeSuggestion[] }
  | { ok: false; message: string };

/**
 * The checklist as the engine evaluates it on this machine, from the cached ticket with the
 * engineer's answers already applied optimistically, so an answer shows its effect at once, offline too.
 */
export function eligibilityModel(input: EligibilityInput): EligibilityModel {
  const { policy, ticket } = input;
  try {
    const result = evaluateEligibility({
      policy,
      facts: {
        createdAt: ticket.createdAt,
        entitlementWindows: input.subscription?.entitlementWindows ?? [],
        productVersion: ticket.productVersion,
        latestStableVersion: input.product?.latestStableVersion ?? null,
        productDiscontinued: input.product?.discontinued ?? null,
        licenseKeyRequest: ticket.categoryId !== null && LICENSE_KEY_CATEGORIES.has(ticket.categoryId),
        source: ticket.source,
        categoryId: ticket.categoryId,
      },
      answers: { ...ticket.checklistAnswers, categoryId: ticket.categoryId },
    });
    return { ok: true, result, suggestions: suggestScopeCategories(policy.scope.categories, input.text) };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
