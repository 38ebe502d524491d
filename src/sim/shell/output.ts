import { pushChunk, type OutputChunk } from '../types.ts';

/** Most a single `run()` keeps of each stream; beyond it the output is cut with a note. */
export const OUTPUT_LIMIT = 1 << 20;

/** Collects what a run writes to the terminal, up to OUTPUT_LIMIT characters per stream. */
export class Output {
  stdout = '';
  stderr = '';
  /** Both streams in write order (RunResult.chunks). */
  chunks: OutputChunk[] = [];
  private truncated = false;

  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    const room = OUTPUT_LIMIT - this[stream].length;
    if (text.length <= room) {
      this[stream] += text;
      pushChunk(this.chunks, stream, text);
      return;
    }
    const kept = text.slice(0, Math.max(0, room));
    this[stream] += kept;
    pushChunk(this.chunks, stream, kept);
    if (!this.truncated) {
      this.truncated = true;
      const note = `\nkubesim: output truncated after ${OUTPUT_LIMIT} characters\n`;
      this.stderr += note;
      pushChunk(this.chunks, 'stderr', note);
    }
  }
}
