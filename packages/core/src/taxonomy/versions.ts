/** Compares dotted versions numerically ("1.10.0" > "1.9.2"); non-numeric parts compare as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const nx = Number(x);
    const ny = Number(y);
    const c = Number.isFinite(nx) && Number.isFinite(ny) ? nx - ny : x.localeCompare(y);
    if (c !== 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

/** The newest of some versions (nulls ignored), or null. */
export function newestVersionOf(versions: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const v of versions) if (v && (best === null || compareVersions(v, best) > 0)) best = v;
  return best;
}
