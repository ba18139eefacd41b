import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { toCsv, type CsvColumn } from '../../server/history/csv';

/**
 * The report CSVs are written by a small formatter (server/history/csv.ts) instead of
 * csv-stringify per row (issue 12: a month of tickets): byte for byte what the library wrote with
 * the options the files always had — BOM, CRLF, formulas escaped, yes/no, quoting — and any line
 * break quoted (a bare \n started a new row in a spreadsheet, a formula's first cell among them).
 */
const library = (records: unknown[][], bom: boolean) =>
  stringify(records, { bom, record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/, cast: { boolean: (b) => (b ? 'yes' : 'no'), number: (n) => String(n) } });

type Cell = string | number | boolean | null | undefined;
const cells: Cell[] = [
  '', 'plain', 'Caffè ™ ü', 'a,b', 'say "hi"', '"', 'line\nbreak', 'cr\rhere', 'crlf\r\nx', 'ends\r',
  '=SUM(A1)', '+1', '-1', '@me', '\tlead', '\rlead', '=a,"b"', '-', '＝x', '＋x', '－x', '＠x', "'quoted", ' space ',
  0, 1, -1, -0.5, 12.3, 1e21, NaN, Infinity, -Infinity, true, false, null, undefined,
];

describe('report CSV cells', () => {
  it('every kind of cell, with and without header and BOM, as csv-stringify wrote it', () => {
    const columns: CsvColumn<Cell[]>[] = cells.map((_, i) => ({ header: i % 3 ? `h${i}` : `h,"${i}"`, value: (row) => row[i] }));
    const rows = [cells, [...cells].reverse(), cells.map(() => '')];
    const records = rows.map((r) => columns.map((c) => c.value(r) ?? ''));
    const header = columns.map((c) => c.header);
    expect(toCsv(rows, columns)).toBe(library([header, ...records], true));
    expect(toCsv(rows, columns, false, false)).toBe(library(records, false));
    expect(toCsv([], columns)).toBe(library([header], true));
    expect(toCsv([], columns, false, false)).toBe(library([], false));
    expect(toCsv([], columns, false, true)).toBe(library([], true));
    // One cell at a time too, so a difference names its cell.
    for (const c of cells) expect(toCsv([[c]], [{ header: 'x', value: (r: Cell[]) => r[0] }]), JSON.stringify(c)).toBe(library([['x'], [c ?? '']], true));
  });

  it('a staff text with a line break stays one cell: no row of its own, no formula at the start of one', () => {
    const text = 'Guasto al lettore\n=HYPERLINK(A1)\r@SUM(1)';
    const csv = toCsv([[text, 'next']], [{ header: 'text', value: (r: string[]) => r[0] }, { header: 'after', value: (r: string[]) => r[1] }], false, false);
    expect(csv).toBe(`"${text}",next\r\n`);
  });
});
