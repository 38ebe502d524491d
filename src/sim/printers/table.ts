/**
 * Go's text/tabwriter, as kubectl configures it: `get` uses minwidth 6, tabwidth 4,
 * padding 3 (cli-runtime printers.GetNewTabWriter); `describe` uses padding 2. Cells are tab-terminated;
 * the last cell of a line is never padded; a column's width is computed over each block of
 * consecutive lines that have that column (the Go algorithm, so describe's sections align
 * the way kubectl's do).
 */

/** Formats tab-separated text the way tabwriter.Writer.Flush does (align left, no flags). */
export function goTabwriter(text: string, padding: number, minwidth = 0): string {
  const endsWithNewline = text.endsWith('\n');
  const rawLines = (endsWithNewline ? text.slice(0, -1) : text).split('\n');
  const lines = rawLines.map((l) => l.split('\t'));
  const widths: number[] = [];
  let out = '';
  const runeLen = (s: string) => [...s].length;

  const writeLines = (line0: number, line1: number) => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      line.forEach((cell, j) => {
        out += cell;
        if (j < widths.length) out += ' '.repeat(Math.max(0, widths[j] - runeLen(cell)));
      });
      if (i < lines.length - 1 || endsWithNewline) out += '\n';
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const w = runeLen(line[column]) + padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
      t--;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out;
}

/** Lays out rows (the first usually the header) as `kubectl get` does (padding 3, columns at least 6 wide). */
export function tabwrite(rows: string[][]): string {
  if (!rows.length) return '';
  return goTabwriter(rows.map((r) => r.join('\t')).join('\n') + '\n', 3, 6);
}
