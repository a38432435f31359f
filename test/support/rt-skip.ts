import { rtMissing } from '../../scripts/rt/rt-template';

/**
 * Why tests against a real Request Tracker do not run here, or null when they do. With
 * RT_REQUIRED=1 (.ci/run sets it) they always run, so a CI machine without RT fails instead of
 * passing by skipping. For vitest suites and Playwright specs alike.
 */
export const rtSkipReason: string | null = process.env.RT_REQUIRED === '1' ? null : rtMissing();
