/**
 * Deterministic randomness for the scale dataset: the same seed gives the same rows, on any
 * machine, in any order of generation. Plain 32-bit integer arithmetic (Math.imul), no BigInt:
 * tens of millions of draws must stay cheap.
 */

/** A bijective 32-bit mixer (lowbias32): distinct inputs give distinct outputs. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** FNV-1a of a string, for turning stream names ("person", "rsvp") into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** sfc32: small, fast, 128 bits of state; one generator per named stream. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, stream: string) {
    const s = hashString(stream);
    this.a = mix32(seed ^ 0x9e3779b9);
    this.b = mix32(s);
    this.c = mix32(seed + s);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next() / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Picks by weight from [item, weight] pairs (small lists only). */
  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of pairs) total += w;
    let r = this.float() * total;
    for (const [item, w] of pairs) {
      r -= w;
      if (r < 0) return item;
    }
    return pairs[pairs.length - 1][0];
  }

  /** Exponentially distributed with mean 1 (for skewed, always-positive weights). */
  exp(): number {
    return -Math.log(1 - this.float());
  }
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex32(w: number): string {
  return HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
}

/**
 * UUIDs (version 4 layout) computed from (seed, table, row number) rather than drawn in order:
 * any table can refer to "person 41,207" without keeping a million ids in memory, and ids do not
 * change when another table's generation changes. The first word is a bijection of the row
 * number, so ids within a table never collide.
 */
export class Ids {
  private readonly bases: Map<string, number[]> = new Map();

  constructor(private readonly seed: number) {}

  id(table: string, n: number): string {
    let base = this.bases.get(table);
    if (!base) {
      const t = mix32(this.seed ^ hashString(table));
      base = [0, 1, 2, 3].map((j) => mix32((t + Math.imul(j + 1, 0x9e3779b9)) | 0));
      this.bases.set(table, base);
    }
    const w0 = mix32((base[0] ^ n) >>> 0);
    const w1 = mix32((base[1] + n) | 0);
    const w2 = mix32((base[2] ^ Math.imul(n, 0x85ebca6b)) >>> 0);
    const w3 = mix32((base[3] + Math.imul(n, 0xc2b2ae35)) | 0);
    const v = ((w1 & 0xffff0fff) | 0x00004000) >>> 0; // version 4
    const r = ((w2 & 0x3fffffff) | 0x80000000) >>> 0; // RFC 4122 variant
    const a = hex32(w0);
    const b = hex32(v);
    const c = hex32(r);
    const d = hex32(w3);
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

/** Zipf weights 1/(rank+1)^s for `n` ranks. */
export function zipfWeights(n: number, s: number): Float64Array {
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = 1 / Math.pow(i + 1, s);
  return w;
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), each at least
 * `min`: the parts always sum to exactly `total`.
 */
export function apportion(total: number, weights: Float64Array, min = 0): Uint32Array {
  const n = weights.length;
  const out = new Uint32Array(n);
  const rest = total - min * n;
  if (rest < 0) throw new Error(`cannot give ${n} parts at least ${min} out of ${total}`);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += weights[i];
  const frac = new Float64Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) {
    const exact = sum > 0 ? (weights[i] / sum) * rest : 0;
    const whole = Math.floor(exact);
    out[i] = min + whole;
    frac[i] = exact - whole;
    given += whole;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => frac[b] - frac[a] || a - b);
  for (let k = 0; given < rest; k = (k + 1) % n, given++) out[order[k]]++;
  return out;
}

/** Draws indexes with probability proportional to fixed weights (binary search on the cumulative sums). */
export class WeightedSampler {
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i];
      this.cumulative[i] = sum;
    }
    if (!(sum > 0)) throw new Error('a sampler needs at least one positive weight');
    this.total = sum;
  }

  draw(rng: Rng): number {
    const r = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
