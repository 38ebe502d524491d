import { spawnSync } from 'node:child_process';

/** Page count and page sizes of a PDF as Chromium (Skia) writes it: page dictionaries are plain text, not in object streams. */
export function pdfInfo(pdf: Buffer): { pages: number; mediaBoxes: number[][] } {
  const text = pdf.toString('latin1');
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[([^\]]*)\]/g)].map((m) => m[1].trim().split(/\s+/).map(Number));
  return { pages, mediaBoxes };
}

/** The PDF's text in content-stream order (`-raw`: one entry's lines stay together, hyphens at line ends stay), via poppler's pdftotext, or undefined when poppler-utils is not installed. */
export function pdfText(pdf: Buffer): string | undefined {
  const run = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 });
  if (run.error || run.status !== 0) return undefined;
  return run.stdout.toString('utf8');
}

/** Text with all white space removed: wrapped lines and inserted spaces do not matter when looking for an entry. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
