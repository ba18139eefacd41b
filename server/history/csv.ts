import type { Response } from 'express';

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | null | undefined };

/** A cell that a spreadsheet would read as a formula (staff-typed text): prefixed with a quote mark. */
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
// A line break of any kind is quoted too (the library, with a record delimiter set, left a lone
// \n or \r bare): a spreadsheet starts a new row at it, and a staff text "…\n=HYPERLINK(…)" made
// a row of its own whose first cell was a formula, past the escape below.
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One cell, written as csv-stringify writes it with `escape_formulas` and booleans as yes/no
 * (what these files were made with, and what test/unit/csv-cells.test.ts compares against): a
 * month of tickets is ~20,000 rows, and the library's per-field options and checks were most of
 * its CPU (issue 12).
 */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v); // a negative number is a number, not a formula
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === '') return '';
  const quoted = NEEDS_QUOTES.test(v);
  const s = FORMULA.test(v) ? `'${v}` : v;
  return quoted ? `"${s.replaceAll('"', '""')}"` : s;
}

/**
 * A table as CSV that opens right in a spreadsheet: UTF-8 with a byte-order mark (Excel reads
 * accents and ™ correctly only with it), CRLF line ends, and cells that start like a formula
 * (=, +, -, @) escaped, because notice texts are typed by staff.
 */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[], withHeader = true, bom = true): string {
  let out = bom ? '\uFEFF' : '';
  if (withHeader) out += columns.map((c) => csvCell(c.header)).join(',') + '\r\n';
  for (const r of rows) {
    let line = '';
    for (let i = 0; i < columns.length; i++) line += (i ? ',' : '') + csvCell(columns[i]!.value(r));
    out += line + '\r\n';
  }
  return out;
}

export function sendCsv(res: Response, filename: string, body: string): void {
  res.set('Content-Type', 'text/csv; charset=utf-8');
  res.set('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.set('Cache-Control', 'private, no-store');
  res.send(body);
}
