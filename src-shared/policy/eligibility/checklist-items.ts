import type { EntitlementWindow } from './entitlement-windows';

/** The eight items of the eligibility checklist (docs/policy.md), in the order the ticket view shows them. */
export const checklistItemIds = [
  'subscription-valid',
  'latest-version',
  'not-discontinued',
  'code-not-customized',
  'data-not-modified',
  'addons-purchased',
  'not-from-forum',
  'in-scope',
] as const;
export type ChecklistItemId = (typeof checklistItemIds)[number];

/** `auto`: evaluated from ticket and catalog data; `engineer`: the engineer's answer decides. */
export type ChecklistSource = 'auto' | 'engineer';
export type ChecklistStatus = 'pass' | 'fail' | 'unanswered' | 'not-applicable';

export const checklistItemLabels: Readonly<Record<ChecklistItemId, string>> = {
  'subscription-valid': 'Subscription valid at creation',
  'latest-version': 'Product on the latest stable version',
  'not-discontinued': 'Product not discontinued',
  'code-not-customized': 'Code not customized',
  'data-not-modified': 'Data not modified through unsupported means',
  'addons-purchased': 'Add-ons or templates involved were purchased from the vendor',
  'not-from-forum': 'Not created in or referred from the community forum',
  'in-scope': 'Request type is in scope',
};

/** Who normally answers each item; `not-from-forum` falls back to the engineer when the source is unknown. */
export const checklistItemSources: Readonly<Record<ChecklistItemId, ChecklistSource>> = {
  'subscription-valid': 'auto',
  'latest-version': 'auto',
  'not-discontinued': 'auto',
  'code-not-customized': 'engineer',
  'data-not-modified': 'engineer',
  'addons-purchased': 'engineer',
  'not-from-forum': 'auto',
  'in-scope': 'engineer',
};

export const checklistItems: ReadonlyArray<{ id: ChecklistItemId; label: string; source: ChecklistSource }> =
  checklistItemIds.map((id) => ({ id, label: checklistItemLabels[id], source: checklistItemSources[id] }));

export interface ChecklistItem {
  id: ChecklistItemId;
  label: string;
  source: ChecklistSource;
  status: ChecklistStatus;
  /** Why the item has its status, in words the engineer can quote to the customer. */
  detail: string;
}

export const ticketSources = ['portal', 'email', 'phone', 'chat', 'forum', 'forum-referred'] as const;
export type TicketSource = (typeof ticketSources)[number];

/** What the app knows about a ticket without asking the engineer. */
export interface EligibilityFacts {
  createdAt: string;
  entitlementWindows: readonly EntitlementWindow[];
  productVersion?: string | null;
  latestStableVersion?: string | null;
  productDiscontinued?: boolean | null;
  licenseKeyRequest?: boolean;
  source?: TicketSource | null;
  /** A category already stored with the ticket; the engineer's pick overrides it. */
  categoryId?: string | null;
}

/** The engineer's answers; `null` or absent means not answered yet. */
export interface EngineerAnswers {
  codeNotCustomized?: boolean | null;
  dataNotModified?: boolean | null;
  addonsPurchased?: boolean | null;
  notFromForum?: boolean | null;
  categoryId?: string | null;
}

export type EligibilityVerdict =
  | { kind: 'eligible' }
  | { kind: 'not-eligible'; failed: Array<{ id: ChecklistItemId; label: string; reason: string }> }
  | { kind: 'needs-engineer-check'; pending: Array<{ id: ChecklistItemId; label: string }> };

export interface EligibilityResult {
  items: ChecklistItem[];
  verdict: EligibilityVerdict;
}

export function checklistItem(id: ChecklistItemId, status: ChecklistStatus, detail: string, source?: ChecklistSource): ChecklistItem {
  return { id, label: checklistItemLabels[id], source: source ?? checklistItemSources[id], status, detail };
}
