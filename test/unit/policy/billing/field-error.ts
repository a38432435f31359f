import { PolicyInputError } from '@shared/policy/policy-input-error';

/** The `field` of the PolicyInputError `fn` throws; undefined when it does not throw. */
export function fieldOfError(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof PolicyInputError) return error.field;
    throw error;
  }
  return undefined;
}
