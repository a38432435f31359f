import { billingColumns, billingRowSchema, type BillingColumn, type BillingRow } from '@shared/contract';
import type { z } from 'zod';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './parse-csv';
import { RowErrors } from './row-errors';

/** A validated row and the line it starts on. */
export type LinedRow = BillingRow & { line: number };

const known = new Set<string>(billingColumns);

/** The header's columns, or errors on line 1: `event` is required, unknown or repeated names are refused. */
function readHeader(header: CsvRecord, errors: RowErrors): BillingColumn[] {
  const names = header.fields.map((f) => f.trim());
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) errors.add(header.line, name, `unknown column; the columns are ${billingColumns.join(', ')}`);
    else if (seen.has(name)) errors.add(header.line, name, 'the column is named twice');
    seen.add(name);
  }
  if (!seen.has('event')) errors.add(header.line, 'event', 'the header has no event column');
  return names as BillingColumn[];
}

/** Empty cells are absent values; the rest are trimmed (spaces around a value never mean anything here). */
function cellsOf(columns: readonly BillingColumn[], record: CsvRecord): Record<string, string> {
  const cells: Record<string, string> = {};
  columns.forEach((column, i) => {
    const value = (record.fields[i] ?? '').trim();
    if (value !== '') cells[column] = value;
  });
  return cells;
}

function addIssues(errors: RowErrors, line: number, event: string | undefined, issues: readonly z.core.$ZodIssue[]): void {
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.add(line, key, `not used by "${event}" rows; leave it empty`);
    } else if (issue.code === 'invalid_union' && issue.path[0] === 'event') {
      const expected = billingRowSchema.options.map((o) => o.shape.event.value).join(', ');
      errors.add(line, 'event', event === undefined ? `required: one of ${expected}` : `unknown event ${JSON.stringify(event)}; expected one of ${expected}`);
    } else {
      const field = String(issue.path[0] ?? 'event');
      errors.add(line, field, issue.code === 'invalid_type' && issue.input === undefined ? 'required' : issue.message);
    }
  }
}

/**
 * Every row of a billing export, validated with the contract's schemas; throws the whole list of
 * row errors (BillingImportRejected) when any row is wrong.
 */
export function readBillingRows(csv: string): LinedRow[] {
  const errors = new RowErrors();
  let records: CsvRecord[];
  try {
    records = parseCsv(csv);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    errors.add(error.line, null, error.message);
    errors.throwIfAny();
    return [];
  }
  const [header, ...body] = records;
  if (header === undefined) errors.add(1, null, 'the file is empty; expected a header line naming the columns');
  const columns = header === undefined ? [] : readHeader(header, errors);
  if (header !== undefined && body.length === 0) errors.add(header.line, null, 'the file has a header but no rows');
  errors.throwIfAny();
  const rows: LinedRow[] = [];
  for (const record of body) {
    if (record.fields.length !== columns.length) {
      errors.add(record.line, null, `${record.fields.length} fields, but the header names ${columns.length} columns`);
      continue;
    }
    const cells = cellsOf(columns, record);
    const parsed = billingRowSchema.safeParse(cells);
    if (parsed.success) rows.push({ ...parsed.data, line: record.line });
    else addIssues(errors, record.line, cells.event, parsed.error.issues);
  }
  errors.throwIfAny();
  return rows;
}
