/** One line of the bench's table: what, Branchboard's figure, the reference's, their ratio, notes. */
export interface Row {
  what: string;
  value: string;
  reference?: string;
  ratio?: string;
  note?: string;
}

export const fmt = (n: number, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '–';

export const ratio = (a: number, b: number) => (b > 0 && Number.isFinite(a) ? `${fmt(a / b, 2)}×` : '–');

export function table(rows: Row[]): string {
  const cells = rows.map((r) => [r.what, r.value, r.reference ?? '', r.ratio ?? '', r.note ?? '']);
  const head = ['measure', 'Branchboard', 'reference', 'ratio', 'note'];
  const width = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((x, i) => x.padEnd(width[i]!)).join(' | ')} |`;
  return [line(head), line(width.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
