import type { SupportPolicy } from '../policy-schema';
import { checklistItem, type ChecklistItem, type ChecklistItemId, type EligibilityFacts, type EngineerAnswers } from './checklist-items';

interface ConfirmationTexts {
  pass: string;
  fail: string;
  unanswered: string;
}

/** The wording that each answer of the engineer-confirmed items (4 to 6) shows and quotes. */
export const confirmationTexts: Readonly<Record<'code-not-customized' | 'data-not-modified' | 'addons-purchased', ConfirmationTexts>> = {
  'code-not-customized': {
    pass: 'Engineer confirmed the code is not customized.',
    fail: 'The code is customized; customized code is out of scope, however small.',
    unanswered: 'Engineer to confirm the code is not customized.',
  },
  'data-not-modified': {
    pass: 'Engineer confirmed the data was not modified through unsupported means.',
    fail: 'The data was modified by unsupported means, which is out of scope.',
    unanswered: 'Engineer to confirm the data was not modified through unsupported means.',
  },
  'addons-purchased': {
    pass: 'Engineer confirmed every add-on or template involved was purchased from the vendor (or none is involved).',
    fail: 'An add-on or template involved was not bought from the vendor, which is out of scope.',
    unanswered: 'Engineer to confirm any add-ons or templates involved were purchased from the vendor (yes if none are).',
  },
};

/** Items 4 to 6: a yes/no the engineer gives after looking at the customer's installation. */
export function confirmationCheck(id: keyof typeof confirmationTexts, answer: boolean | null | undefined): ChecklistItem {
  const texts = confirmationTexts[id];
  if (answer === true) return checklistItem(id, 'pass', texts.pass);
  if (answer === false) return checklistItem(id, 'fail', texts.fail);
  return checklistItem(id, 'unanswered', texts.unanswered);
}

/**
 * Item 8. A category id that the policy no longer lists (a workspace edited its categories) is
 * shown as unanswered so the engineer picks again, instead of failing the ticket.
 */
export function scopeCheck(policy: SupportPolicy, facts: EligibilityFacts, answers: EngineerAnswers): ChecklistItem {
  const id: ChecklistItemId = 'in-scope';
  const categoryId = answers.categoryId ?? facts.categoryId ?? null;
  if (categoryId === null || categoryId === '') {
    return checklistItem(id, 'unanswered', 'Engineer to pick the request category.');
  }
  const category = policy.scope.categories.find((c) => c.id === categoryId);
  if (category === undefined) {
    return checklistItem(id, 'unanswered', `The category "${categoryId}" is not in this policy's list: pick another.`);
  }
  return category.inScope
    ? checklistItem(id, 'pass', `"${category.label}" is in scope.`)
    : checklistItem(id, 'fail', `"${category.label}" is out of scope.`);
}
