import type { SupportPolicy } from '../policy-schema';
import { entitlementAt } from './entitlement-at';
import { checklistItem, type ChecklistItem, type EligibilityFacts, type EngineerAnswers } from './checklist-items';
import { compareParsedVersions, parseVersion } from './version-compare';

/** Item 1. Presets without a subscription requirement show it as not applicable rather than failed. */
export function subscriptionCheck(policy: SupportPolicy, facts: EligibilityFacts): ChecklistItem {
  const status = entitlementAt(facts.entitlementWindows, facts.createdAt, {
    renewalUrl: policy.entitlement.renewalUrl,
    field: 'facts.entitlementWindows',
  });
  if (!policy.entitlement.required) {
    return checklistItem('subscription-valid', 'not-applicable', 'This policy does not require a Support and Upgrades Subscription.');
  }
  if (status.entitled) {
    return checklistItem(
      'subscription-valid',
      'pass',
      `Created inside the support window from ${status.window.start} to ${status.window.end}.`,
    );
  }
  return checklistItem('subscription-valid', 'fail', `No valid Support and Upgrades Subscription when the ticket was created. ${status.renewalHint}`);
}

/** Item 2. Missing or unreadable versions stay unanswered: the customer has to tell us what they run. */
export function latestVersionCheck(facts: EligibilityFacts): ChecklistItem {
  const { productVersion: version, latestStableVersion: latest } = facts;
  if (version == null || version.trim() === '') {
    return checklistItem('latest-version', 'unanswered', 'The ticket does not say which product version the customer runs: ask for it.');
  }
  if (latest == null || latest.trim() === '') {
    return checklistItem('latest-version', 'unanswered', 'The product catalog has no latest stable version for this product.');
  }
  const ours = parseVersion(version);
  const stable = parseVersion(latest);
  if (ours === null || stable === null) {
    const bad = ours === null ? version : latest;
    return checklistItem('latest-version', 'unanswered', `Cannot compare versions: "${bad}" is not a dotted version number.`);
  }
  if (compareParsedVersions(ours, stable) < 0) {
    return checklistItem(
      'latest-version',
      'fail',
      `Version ${version} is older than the latest stable version ${latest}; products not on the latest stable version are out of scope.`,
    );
  }
  return checklistItem('latest-version', 'pass', `Version ${version} is on the latest stable version (${latest}).`);
}

/** Item 3. Only license-key requests depend on whether the product is still sold. */
export function discontinuedCheck(facts: EligibilityFacts): ChecklistItem {
  if (facts.licenseKeyRequest !== true) {
    return checklistItem('not-discontinued', 'not-applicable', 'Checked only for license-key requests.');
  }
  if (facts.productDiscontinued === true) {
    return checklistItem(
      'not-discontinued',
      'fail',
      'The product is discontinued; license keys of discontinued or outdated software are out of scope.',
    );
  }
  if (facts.productDiscontinued === false) {
    return checklistItem('not-discontinued', 'pass', 'The product is not discontinued.');
  }
  return checklistItem('not-discontinued', 'unanswered', 'The product catalog does not say whether the product is discontinued.');
}

/** Item 7. The ticket's source is authoritative; the engineer answers only when it is unknown. */
export function forumCheck(facts: EligibilityFacts, answers: EngineerAnswers): ChecklistItem {
  const source = facts.source;
  if (source === 'forum') {
    return checklistItem('not-from-forum', 'fail', 'The ticket was created in the community forum; forum issues are out of scope.');
  }
  if (source === 'forum-referred') {
    return checklistItem('not-from-forum', 'fail', 'The ticket was referred from the community forum; forum issues are out of scope.');
  }
  if (source != null) {
    return checklistItem('not-from-forum', 'pass', `The ticket came in through ${source}, not the community forum.`);
  }
  const answer = answers.notFromForum;
  if (answer === true) {
    return checklistItem('not-from-forum', 'pass', 'Engineer confirmed the ticket did not come from the community forum.', 'engineer');
  }
  if (answer === false) {
    return checklistItem('not-from-forum', 'fail', 'Engineer found the ticket came from the community forum; forum issues are out of scope.', 'engineer');
  }
  return checklistItem('not-from-forum', 'unanswered', 'The ticket source is unknown: engineer to confirm it did not come from the community forum.', 'engineer');
}
