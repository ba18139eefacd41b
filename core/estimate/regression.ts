/**
 * Linear regression learned one observation at a time (recursive least squares with a forgetting
 * factor). Each update costs O(d²) for d features, independent of how much was seen before,
 * so it can run on every served ticket of a live branch.
 */
export class OnlineRegression {
  readonly weights: Float64Array;
  /** Inverse information matrix, row-major d×d. */
  private readonly p: Float64Array;
  private readonly px: Float64Array;
  updates = 0;

  /**
   * @param prior starting weights (what we believe before any data)
   * @param priorVariance how little we trust each prior weight (larger = learn faster)
   * @param forgetting 1 = all history counts equally; below 1 old data fades (0.999 ≈ last ~1000)
   */
  constructor(
    prior: readonly number[],
    priorVariance: readonly number[],
    private readonly forgetting = 1,
  ) {
    const d = prior.length;
    this.weights = Float64Array.from(prior);
    this.p = new Float64Array(d * d);
    for (let i = 0; i < d; i++) this.p[i * d + i] = priorVariance[i] ?? 1;
    this.px = new Float64Array(d);
  }

  predict(x: ArrayLike<number>): number {
    let y = 0;
    for (let i = 0; i < this.weights.length; i++) y += (this.weights[i] ?? 0) * (x[i] ?? 0);
    return y;
  }

  update(x: ArrayLike<number>, y: number): void {
    const d = this.weights.length;
    const { p, px } = this;
    let denom = this.forgetting;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (p[i * d + j] ?? 0) * (x[j] ?? 0);
      px[i] = s;
      denom += s * (x[i] ?? 0);
    }
    const err = y - this.predict(x);
    for (let i = 0; i < d; i++) this.weights[i] = (this.weights[i] ?? 0) + ((px[i] ?? 0) / denom) * err;
    // P ← (P − Px·(Px)ᵀ/denom) / λ ; P is symmetric so Pᵀx = Px.
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) {
        const k = i * d + j;
        p[k] = ((p[k] ?? 0) - ((px[i] ?? 0) * (px[j] ?? 0)) / denom) / this.forgetting;
      }
    }
    this.updates++;
  }
}
