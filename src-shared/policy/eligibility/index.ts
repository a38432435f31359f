export { entitlementWindows } from './entitlement-windows';
export type { EntitlementEvent, EntitlementWindow, EntitlementWindowsArgs } from './entitlement-windows';
export { entitlementAt } from './entitlement-at';
export type { EntitlementAtOptions, EntitlementStatus } from './entitlement-at';
export { compareVersions, compareParsedVersions, parseVersion } from './version-compare';
export type { ParsedVersion } from './version-compare';
export {
  checklistItemIds,
  checklistItemLabels,
  checklistItemSources,
  checklistItems,
  ticketSources,
} from './checklist-items';
export type {
  ChecklistItem,
  ChecklistItemId,
  ChecklistSource,
  ChecklistStatus,
  EligibilityFacts,
  EligibilityResult,
  EligibilityVerdict,
  EngineerAnswers,
  TicketSource,
} from './checklist-items';
export { evaluateEligibility } from './evaluate-eligibility';
export type { EvaluateEligibilityArgs } from './evaluate-eligibility';
export { eligibilityVerdict } from './eligibility-verdict';
export { confirmationTexts } from './engineer-checks';
export { defaultScopeCategories } from './default-scope-categories';
export { suggestScopeCategories } from './suggest-scope-categories';
export type { ScopeSuggestion } from './suggest-scope-categories';
export { detectCancellationRequest } from './cancellation-request';
export type { CancellationDetection } from './cancellation-request';
export { cancellationReply } from './cancellation-reply';
export type { CancellationReplyArgs } from './cancellation-reply';
