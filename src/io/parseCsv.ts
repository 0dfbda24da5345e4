/** One record of a CSV text, with the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Reads CSV text into records, each with the line it starts on (1-based, so a header is line
 * 1). Double-quoted fields may hold commas, line breaks and `""`; `\n`, `\r\n` and `\r` end a
 * record; blank lines are dropped. Platform-neutral (no Node APIs).
 *
 * @example
 * ```ts
 * parseCsvRecords('a,b\n\n1,"x,y"\n'); // [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', 'x,y'], line: 3 }]
 * ```
 */
export function parseCsvRecords(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      records.push({ fields: row, line: start });
      row = [];
      field = '';
      line++;
      start = line;
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push({ fields: row, line: start });
  }
  return records.filter((r) => r.fields.length > 1 || r.fields[0] !== '');
}

/**
 * Reads CSV text into rows of fields ({@link parseCsvRecords} without the line numbers).
 *
 * @example
 * ```ts
 * parseCsv('a,b\n1,"x,y"\n'); // [['a', 'b'], ['1', 'x,y']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.fields);
}
