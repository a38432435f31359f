/**
 * Thrown for input the engine cannot compute with. It names the offending field and value so the
 * caller (an API handler, a form, an import tool) can show exactly what was wrong.
 */
export class PolicyInputError extends Error {
  readonly field: string;
  readonly value: unknown;

  constructor(field: string, value: unknown, problem: string) {
    super(`${field}: ${problem} (got ${describeValue(value)})`);
    this.name = 'PolicyInputError';
    this.field = field;
    this.value = value;
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  }
  if (value === undefined) return 'undefined';
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 80)}…` : json;
  } catch {
    return String(value);
  }
}
