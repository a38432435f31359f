/** Preset A billing rules: cycles, credits for missed guarantees, plan changes, holder checks. */
export { billingCycleAt, billingCycleByIndex, type BillingCycle } from './billing-cycle';
export { missedResponseCredit } from './missed-response-credit';
export { creditPriceCents } from './credit-price';
export { creditForTicket, type CreditStatus, type TicketCredit, type TicketCreditArgs } from './ticket-credit';
export { upgradeCost, type UpgradeCostArgs } from './upgrade-proration';
export type { PlanChange, PlanChangeKind, Subscription } from './subscription';
export { cancellationEffectiveAt, downgradeEffectiveAt } from './plan-change-dates';
export { planAt, planTimeline, type PlanPeriod } from './plan-at';
export {
  freeTermCheck,
  type FreeTermCandidate,
  type FreeTermMatch,
  type FreeTermUse,
  type FreeTermVerdict,
} from './free-term';
export { requesterIsAccountHolder } from './account-holder';
export { normalizeEmail, normalizeOrganization } from './holder-identity';
