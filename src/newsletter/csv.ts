// RFC 4180 CSV, both ways: a small parser (quoted fields, doubled quotes, CRLF or LF, a quoted
// field spanning lines) that reports where each record starts, and a writer that quotes what
// needs it and defuses cells a spreadsheet would run as a formula.

export interface CsvRecord {
  /** The 1-based line the record starts on, for messages about it. */
  line: number;
  fields: string[];
}

export class CsvMalformed extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvMalformed';
  }
}

/** Every record of `text` (a leading BOM dropped, blank lines skipped). Throws CsvMalformed. */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  /** The field began with a quote and has been closed: only a separator may follow. */
  let closed = false;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !closed)) records.push({ line: start, fields });
    fields = [];
    field = '';
    closed = false;
  };
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        closed = true;
      } else {
        if (ch === '\n') line += 1;
        field += ch;
      }
      i += 1;
      continue;
    }
    if (ch === ',') {
      fields.push(field);
      field = '';
      closed = false;
    } else if (ch === '\r' || ch === '\n') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      line += 1;
      start = line;
    } else if (closed) {
      throw new CsvMalformed(line, 'text after a closing quote');
    } else if (ch === '"') {
      if (field !== '') throw new CsvMalformed(line, 'a quote inside an unquoted field');
      quoted = true;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (quoted) throw new CsvMalformed(start, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || closed) endRecord();
  return records;
}

/**
 * One cell, safe to open in a spreadsheet: a value starting with = + - @, a tab or a carriage
 * return would be read as a formula (OWASP "CSV injection"), so it gets a leading single quote;
 * then it is quoted when it holds a comma, a quote or a line break.
 */
export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replaceAll('"', '""')}"` : defused;
}

/** A record with its CRLF (RFC 4180 §2). */
export function csvLine(values: string[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
