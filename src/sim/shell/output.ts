/** Most a single `run()` keeps of each stream; beyond it the output is cut with a note. */
export const OUTPUT_LIMIT = 1 << 20;

/** Collects what a run writes to the terminal, up to OUTPUT_LIMIT characters per stream. */
export class Output {
  stdout = '';
  stderr = '';
  private truncated = false;

  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    const room = OUTPUT_LIMIT - this[stream].length;
    if (text.length <= room) {
      this[stream] += text;
      return;
    }
    this[stream] += text.slice(0, Math.max(0, room));
    if (!this.truncated) {
      this.truncated = true;
      this.stderr += `\nkubesim: output truncated after ${OUTPUT_LIMIT} characters\n`;
    }
  }
}
