export { firstPolicyVersion, versionInForce, FIRST_VERSION_EFFECTIVE_FROM, type PolicyVersion } from './policy-version';
export { describePolicyChanges } from './describe-policy-changes';
