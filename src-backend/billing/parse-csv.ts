/** One record of a CSV file, and the line it starts on (a quoted field may span several lines). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/** The file is not CSV at `line`: nothing after it can be read with confidence. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * RFC 4180: fields separated by commas, records by CRLF (a bare LF or CR is accepted too), a
 * field in double quotes may hold commas, line breaks and doubled quotes. A leading byte-order mark
 * is skipped; a record that is one empty field (a blank line) is dropped. A quote inside an
 * unquoted field, text after a closing quote or a quote left open is an error naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = (): void => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };
  while (i < input.length) {
    const ch = input[i] as string;
    if (ch === '"' && field === '') {
      const quoteLine = line;
      i += 1;
      for (;;) {
        if (i >= input.length) throw new CsvSyntaxError(quoteLine, 'a quoted field is never closed (a " is missing)');
        const c = input[i] as string;
        if (c === '"' && input[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i += 1;
          break;
        } else {
          if (c === '\n' || (c === '\r' && input[i + 1] !== '\n')) line += 1;
          field += c;
          i += 1;
        }
      }
      const next = input[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        throw new CsvSyntaxError(line, 'text after a closing quote; a " inside a quoted field is written ""');
      }
      continue;
    }
    if (ch === '"') throw new CsvSyntaxError(line, 'a " inside an unquoted field; quote the whole field and write the quote as ""');
    if (ch === ',') {
      fields.push(field);
      field = '';
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      i += ch === '\r' && input[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      field += ch;
      i += 1;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}
