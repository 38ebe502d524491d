import { MAX_OUTPUT, outputTruncated } from '../limits.ts';

/** Collects what a run writes to the terminal, up to MAX_OUTPUT characters per stream. */
export class Output {
  stdout = '';
  stderr = '';
  private truncated = false;

  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    const room = MAX_OUTPUT - this[stream].length;
    if (text.length <= room) {
      this[stream] += text;
      return;
    }
    this[stream] += text.slice(0, Math.max(0, room));
    if (!this.truncated) {
      this.truncated = true;
      this.stderr += outputTruncated();
    }
  }
}
