/**
 * The policy engine: pure, clock-free functions over a `SupportPolicy` value. `now` is always a
 * parameter and the process time zone never matters. The backend, the renderer and outside tools
 * call these.
 */
export * from './policy-schema';
export { PolicyInputError } from './policy-input-error';
export { parseInstant, formatInstant } from './instant';
export { presets, type PresetOptions } from './presets';
export { US_SUPPORT_HOLIDAYS } from './calendar/us-holidays';
export { compilePolicy, assertValidPolicy, type CompiledPolicy } from './compile-policy';
export { firstResponseDue, resolveTarget, type TicketTiming, type ResolvedTarget } from './first-response-due';
export { slaStatus, type SlaStatus, type SlaInput } from './sla-status';
export { businessTimeBetweenInstants, holidaysBetween, isBusinessInstant, localDateOf } from './calendar-queries';
export {
  explainFirstResponseDue,
  describeTarget,
  type DueExplanation,
  type CountedInterval,
  type SkippedDay,
} from './explain-due';
export * from './billing/index';
export * from './eligibility/index';
export { loginDetailsExpiresAt, loginDetailsExpired } from './login-details-retention';
export { ticketPolicyFlags, type PolicyFlag, type TicketFlagInput } from './ticket-policy-flags';
export * from './versions/index';
