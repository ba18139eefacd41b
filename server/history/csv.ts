import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | boolean | null | undefined };

/**
 * A table as CSV that opens right in a spreadsheet: UTF-8 with a byte-order mark (Excel reads
 * accents and ™ correctly only with it), CRLF line ends, and cells that start like a formula
 * (=, +, -, @) escaped, because notice texts are typed by staff.
 */
export function toCsv<T>(rows: Iterable<T>, columns: readonly CsvColumn<T>[], withHeader = true, bom = true): string {
  const records = [...rows].map((r) => columns.map((c) => c.value(r) ?? ''));
  return stringify(withHeader ? [columns.map((c) => c.header), ...records] : records, {
    bom,
    record_delimiter: 'windows',
    escape_formulas: true,
    cast: { boolean: (b) => (b ? 'yes' : 'no'), number: (n) => String(n) },
  });
}

export function sendCsv(res: Response, filename: string, body: string): void {
  res.set('Content-Type', 'text/csv; charset=utf-8');
  res.set('Content-Disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  res.set('Cache-Control', 'private, no-store');
  res.send(body);
}
