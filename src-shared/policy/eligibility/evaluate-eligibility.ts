import type { SupportPolicy } from '../policy-schema';
import { parseInstant } from '../instant';
import { PolicyInputError } from '../policy-input-error';
import { discontinuedCheck, forumCheck, latestVersionCheck, subscriptionCheck } from './auto-checks';
import { ticketSources, type EligibilityFacts, type EligibilityResult, type EngineerAnswers } from './checklist-items';
import { confirmationCheck, scopeCheck } from './engineer-checks';
import { eligibilityVerdict } from './eligibility-verdict';

export interface EvaluateEligibilityArgs {
  policy: SupportPolicy;
  facts: EligibilityFacts;
  answers: EngineerAnswers;
}

/** The checklist shown on every ticket, and the verdict stored and synced with it. */
export function evaluateEligibility(args: EvaluateEligibilityArgs): EligibilityResult {
  const { policy, facts, answers } = args;
  checkInputs(facts, answers);
  const items = [
    subscriptionCheck(policy, facts),
    latestVersionCheck(facts),
    discontinuedCheck(facts),
    confirmationCheck('code-not-customized', answers.codeNotCustomized),
    confirmationCheck('data-not-modified', answers.dataNotModified),
    confirmationCheck('addons-purchased', answers.addonsPurchased),
    forumCheck(facts, answers),
    scopeCheck(policy, facts, answers),
  ];
  return { items, verdict: eligibilityVerdict(items) };
}

/** Answers arrive from forms and the sync stream: a stray 'yes' must not silently count as unanswered. */
function checkInputs(facts: EligibilityFacts, answers: EngineerAnswers): void {
  parseInstant(facts.createdAt, 'facts.createdAt');
  if (facts.source != null && !(ticketSources as readonly string[]).includes(facts.source)) {
    throw new PolicyInputError('facts.source', facts.source, `expected one of ${ticketSources.join(', ')}`);
  }
  optionalBoolean(facts.productDiscontinued, 'facts.productDiscontinued');
  optionalBoolean(facts.licenseKeyRequest, 'facts.licenseKeyRequest');
  optionalString(facts.productVersion, 'facts.productVersion');
  optionalString(facts.latestStableVersion, 'facts.latestStableVersion');
  optionalString(facts.categoryId, 'facts.categoryId');
  optionalBoolean(answers.codeNotCustomized, 'answers.codeNotCustomized');
  optionalBoolean(answers.dataNotModified, 'answers.dataNotModified');
  optionalBoolean(answers.addonsPurchased, 'answers.addonsPurchased');
  optionalBoolean(answers.notFromForum, 'answers.notFromForum');
  optionalString(answers.categoryId, 'answers.categoryId');
}

function optionalBoolean(value: unknown, field: string): void {
  if (value != null && typeof value !== 'boolean') throw new PolicyInputError(field, value, 'expected true, false or null');
}

function optionalString(value: unknown, field: string): void {
  if (value != null && typeof value !== 'string') throw new PolicyInputError(field, value, 'expected a string or null');
}
