/**
 * resource.ParseQuantity and Quantity.Cmp (k8s.io/apimachinery/pkg/api/resource), exactly enough
 * for `kubectl get --sort-by`, which compares two strings as quantities when both parse. Values are
 * kept as exact decimals (mantissa × 10^exp) so `100m` < `1` < `2Gi` and `1000m` == `1`.
 */

/** An exact quantity value: mantissa × 10^exp. */
export interface ExactQuantity {
  mantissa: bigint;
  exp: number;
}

const decSuffixes: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const binSuffixes: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const MAX_INT64 = 9223372036854775807n;

interface Parts {
  positive: boolean;
  num: string;
  denom: string;
  suffix: string;
}

const isDec = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** parseQuantityString: sign, integer digits, fraction digits and suffix; undefined when malformed. */
function parseParts(str: string): Parts | undefined {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (str[0] === '-') { positive = false; pos++; } else if (str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { positive, num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDec(str[i])) i++;
  let num = str.slice(pos, i);
  if (i >= end) return { positive, num, denom: '', suffix: '' };
  if (num.length === 0) num = '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDec(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { positive, num, denom, suffix: '' };
    pos = i;
  }
  const suffixStart = pos;
  i = pos;
  while (i < end && 'eEinumkKMGTP'.includes(str[i])) i++;
  if (i >= end) return { positive, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (i = pos; i < end; i++) if (!isDec(str[i])) return undefined;
  return { positive, num, denom, suffix: str.slice(suffixStart) };
}

/** quantitySuffixer.interpret: the base and exponent a suffix stands for. */
function interpret(suffix: string): { base: 2 | 10; exponent: number } | undefined {
  if (suffix in decSuffixes) return { base: 10, exponent: decSuffixes[suffix] };
  if (suffix in binSuffixes) return { base: 2, exponent: binSuffixes[suffix] };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined;
    const parsed = BigInt(rest);
    if (parsed > MAX_INT64 || parsed < -MAX_INT64 - 1n) return undefined;
    // Upstream keeps the exponent as int32, wrapping larger values.
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)) };
  }
  return undefined;
}

/** resource.ParseQuantity: the exact value of a quantity string, or undefined when it does not parse. */
export function parseQuantityExact(str: string): ExactQuantity | undefined {
  if (str.length === 0) return undefined;
  const parts = parseParts(str);
  if (!parts) return undefined;
  const unit = interpret(parts.suffix);
  if (!unit) return undefined;
  let mantissa = BigInt(parts.num + parts.denom);
  let exp = -parts.denom.length;
  if (unit.base === 10) exp += unit.exponent;
  else mantissa *= 1n << BigInt(unit.exponent);
  if (!parts.positive) mantissa = -mantissa;
  // Non-zero values finer than a nano are rounded up (away from zero) to the next nano.
  if (mantissa !== 0n && exp < -9) {
    const div = 10n ** BigInt(-9 - exp);
    const abs = mantissa < 0n ? -mantissa : mantissa;
    let q = abs / div;
    if (q * div !== abs) q += 1n;
    mantissa = mantissa < 0n ? -q : q;
    exp = -9;
  }
  if (unit.base === 2 && cmpExact({ mantissa: mantissa < 0n ? -mantissa : mantissa, exp }, { mantissa: MAX_INT64, exp: 0 }) > 0) {
    mantissa = mantissa < 0n ? -MAX_INT64 : MAX_INT64;
    exp = 0;
  }
  return { mantissa, exp };
}

function digitCount(n: bigint): number {
  return (n < 0n ? -n : n).toString().length;
}

/** Compares two exact values: -1, 0 or 1 (Quantity.Cmp). */
export function cmpExact(a: ExactQuantity, b: ExactQuantity): number {
  const sa = a.mantissa === 0n ? 0 : a.mantissa < 0n ? -1 : 1;
  const sb = b.mantissa === 0n ? 0 : b.mantissa < 0n ? -1 : 1;
  if (sa !== sb) return sa < sb ? -1 : 1;
  if (sa === 0) return 0;
  // Orders of magnitude first, so huge exponents never build huge powers of ten.
  const oa = digitCount(a.mantissa) + a.exp;
  const ob = digitCount(b.mantissa) + b.exp;
  if (oa !== ob) return (oa < ob ? -1 : 1) * sa;
  const e = Math.min(a.exp, b.exp);
  const x = a.mantissa * 10n ** BigInt(a.exp - e);
  const y = b.mantissa * 10n ** BigInt(b.exp - e);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Compares two quantity strings as Quantity.Cmp; undefined when either does not parse. */
export function compareQuantities(a: string, b: string): number | undefined {
  const qa = parseQuantityExact(a);
  if (!qa) return undefined;
  const qb = parseQuantityExact(b);
  if (!qb) return undefined;
  return cmpExact(qa, qb);
}
