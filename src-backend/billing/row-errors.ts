import type { BillingRowError } from '@shared/contract';

/** The most row errors one answer lists: a wrong file says so without a megabyte of text. */
const MAX_LISTED = 200;

/**
 * Every row error found in a billing export: the import is refused whole when there is any, so
 * the file can be fixed in one go rather than one error per attempt.
 */
export class BillingImportRejected extends Error {
  constructor(readonly rows: BillingRowError[]) {
    super(summarize(rows));
    this.name = 'BillingImportRejected';
  }
}

/** `line 14, field "price_cents": expected ...` */
export function describeRowError(error: BillingRowError): string {
  return error.field === null ? `line ${error.line}: ${error.message}` : `line ${error.line}, field "${error.field}": ${error.message}`;
}

function summarize(rows: BillingRowError[]): string {
  const first = rows[0];
  const count = rows.length === 1 ? '1 error' : `${rows.length} errors`;
  return `the billing export has ${count}; nothing was imported${first === undefined ? '' : `. First: ${describeRowError(first)}`}`;
}

/** Collects errors in line order, up to the listing limit. */
export class RowErrors {
  private readonly list: BillingRowError[] = [];
  private total = 0;

  add(line: number, field: string | null, message: string): void {
    this.total += 1;
    if (this.list.length < MAX_LISTED) this.list.push({ line, field, message });
  }

  get any(): boolean {
    return this.total > 0;
  }

  /** Throws the rejection when any error was added. */
  throwIfAny(): void {
    if (!this.any) return;
    const rows = [...this.list].sort((a, b) => a.line - b.line);
    if (this.total > rows.length) rows.push({ line: rows.at(-1)?.line ?? 1, field: null, message: `${this.total - rows.length} more errors not listed` });
    throw new BillingImportRejected(rows);
  }
}
