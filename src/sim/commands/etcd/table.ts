/** olekukonko/tablewriter v0.0.5 as etcdctl/etcdutl 3.6 use it: boxed, headers centred, cells right-aligned. */

/** Renders a table the way `-w table` prints it. */
export function boxTable(header: string[], rows: string[][]): string {
  const hdr = header.map((h) => h.toUpperCase());
  const widths = hdr.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+\n';
  const center = (s: string, w: number): string => {
    const gap = w - s.length;
    const left = Math.floor(gap / 2);
    return ' '.repeat(left) + s + ' '.repeat(gap - left);
  };
  let out = line + '|' + hdr.map((h, i) => ` ${center(h, widths[i])} `).join('|') + '|\n' + line;
  for (const r of rows) out += '|' + widths.map((w, i) => ` ${(r[i] ?? '').padStart(w)} `).join('|') + '|\n';
  return out + line;
}

/** go-humanize Bytes: `5.5 MB`, `868 kB`, `0 B` (SI units). */
export function humanBytes(n: number): string {
  if (n < 10) return `${n} B`;
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  const e = Math.floor(Math.log(n) / Math.log(1000));
  const v = n / 1000 ** e;
  return `${v < 10 ? (Math.round(v * 10) / 10).toFixed(1) : Math.round(v)} ${units[e]}`;
}
