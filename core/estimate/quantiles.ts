/**
 * Streaming quantiles of a bounded quantity, from a histogram whose old counts fade.
 * Used for the spread of real waits around the estimate: O(bins) per update and query.
 */
export class FadingHistogram {
  private readonly counts: Float64Array;
  private total = 0;

  constructor(
    private readonly min: number,
    private readonly max: number,
    bins: number,
    /** Weight kept by old observations at each new one (1 = never fade). */
    private readonly fade = 1,
  ) {
    this.counts = new Float64Array(bins);
  }

  /** A histogram holding the counts of several of the same shape (a snapshot; later adds don't flow back). */
  static merge(parts: readonly FadingHistogram[]): FadingHistogram {
    const first = parts[0]!;
    const m = new FadingHistogram(first.min, first.max, first.counts.length, first.fade);
    for (const p of parts) {
      for (let i = 0; i < m.counts.length; i++) m.counts[i] = (m.counts[i] ?? 0) + (p.counts[i] ?? 0);
      m.total += p.total;
    }
    return m;
  }

  get weight(): number {
    return this.total;
  }

  add(value: number): void {
    if (this.fade !== 1) {
      for (let i = 0; i < this.counts.length; i++) this.counts[i] = (this.counts[i] ?? 0) * this.fade;
      this.total *= this.fade;
    }
    this.counts[this.bin(value)] = (this.counts[this.bin(value)] ?? 0) + 1;
    this.total += 1;
  }

  /** Value below which a share `q` of the weight lies (linear within a bin). */
  quantile(q: number): number {
    if (this.total <= 0) return 0;
    const width = (this.max - this.min) / this.counts.length;
    const target = q * this.total;
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const c = this.counts[i] ?? 0;
      if (seen + c >= target && c > 0) return this.min + width * (i + (target - seen) / c);
      seen += c;
    }
    return this.max;
  }

  private bin(value: number): number {
    const i = Math.floor(((value - this.min) / (this.max - this.min)) * this.counts.length);
    return Math.min(this.counts.length - 1, Math.max(0, i));
  }
}
