import { compileCalendar, type CompiledCalendar } from './calendar/compile-calendar';
import { PolicyInputError } from './policy-input-error';
import { supportPolicySchema, type Plan, type PlanId, type ResponseTarget, type SupportPolicy } from './policy-schema';

export interface ResolvedTarget {
  readonly plan: Plan;
  readonly target: ResponseTarget;
  readonly urgentRequested: boolean;
  /** False when the customer set the flag but the plan does not offer the urgent option. */
  readonly urgentApplies: boolean;
}

export interface CompiledPolicy {
  readonly policy: SupportPolicy;
  readonly calendar: CompiledCalendar;
  readonly plans: ReadonlyMap<PlanId, Plan>;
  /** Per plan: the target of a normal ticket and of one with the urgent flag set. */
  readonly targets: ReadonlyMap<PlanId, readonly [normal: ResolvedTarget, urgent: ResolvedTarget]>;
}

function targetsOf(plan: Plan): readonly [ResolvedTarget, ResolvedTarget] {
  const normal = { plan, target: plan.normal, urgentRequested: false, urgentApplies: false };
  const urgent = plan.urgent === null ? { ...normal, urgentRequested: true } : { plan, target: plan.urgent, urgentRequested: true, urgentApplies: true };
  return [normal, urgent];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((name, key) => (typeof key === 'number' ? `${name}[${key}]` : `${name}.${String(key)}`), 'policy');
}

/** Throws a PolicyInputError for the first schema problem of a policy value. */
export function assertValidPolicy(policy: unknown): asserts policy is SupportPolicy {
  const parsed = supportPolicySchema.safeParse(policy);
  if (parsed.success) return;
  const issue = parsed.error.issues[0];
  if (issue === undefined) throw new PolicyInputError('policy', policy, 'is not a valid support policy');
  throw new PolicyInputError(fieldName(issue.path), valueAt(policy, issue.path), issue.message);
}

const compiled = new WeakMap<SupportPolicy, CompiledPolicy>();

/**
 * Validates a policy and prepares it for computation, once per policy value (policies are
 * immutable values; an edited policy is a new value).
 */
export function compilePolicy(policy: SupportPolicy): CompiledPolicy {
  const cached = compiled.get(policy);
  if (cached !== undefined) return cached;
  assertValidPolicy(policy);
  // The schema refuses a plan defined twice.
  const plans = new Map<PlanId, Plan>(policy.plans.map((plan) => [plan.id, plan]));
  const targets = new Map([...plans].map(([id, plan]) => [id, targetsOf(plan)] as const));
  const result: CompiledPolicy = { policy, calendar: compileCalendar(policy.calendar), plans, targets };
  compiled.set(policy, result);
  return result;
}
