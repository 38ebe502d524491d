import { MAX_OUTPUT, outputTruncated } from '../limits.ts';
import { pushChunk, type OutputChunk } from '../types.ts';

/** Collects what a run writes to the terminal, up to MAX_OUTPUT characters per stream. */
export class Output {
  stdout = '';
  stderr = '';
  /** Both streams in write order (RunResult.chunks). */
  chunks: OutputChunk[] = [];
  private truncated = false;

  write(stream: 'stdout' | 'stderr', text: string): void {
    if (!text) return;
    const room = MAX_OUTPUT - this[stream].length;
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
      const note = outputTruncated();
      this.stderr += note;
      pushChunk(this.chunks, 'stderr', note);
    }
  }
}
