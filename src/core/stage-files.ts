import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from './errors.js';

/**
 * Writes stage files into a temporary folder inside the output folder and moves them into
 * place only when the run completes, so an interrupted or failed run never leaves a truncated
 * stage file and never destroys the previous output.
 */
export class StageFiles {
  private readonly streams = new Map<string, WriteStream>();
  private closed = false;

  private constructor(
    readonly outDir: string,
    private readonly tmpDir: string,
  ) {}

  static async open(outDir: string, ids: readonly string[]): Promise<StageFiles> {
    let tmpDir: string;
    try {
      await mkdir(outDir, { recursive: true });
      tmpDir = await mkdtemp(join(outDir, '.annotate-tmp-'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UsageError(`${outDir}: cannot write the output folder (${code}); choose a writable folder with --out`);
    }
    const files = new StageFiles(outDir, tmpDir);
    for (const id of ids) files.streams.set(id, createWriteStream(join(tmpDir, `${id}.jsonl`), { encoding: 'utf8' }));
    return files;
  }

  /** Appends text to one stage file, waiting when the stream's buffer is full (back-pressure). */
  async write(id: string, text: string): Promise<void> {
    if (text === '') return;
    const stream = this.streams.get(id)!;
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }

  private async closeStreams(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      [...this.streams.values()].map(
        (s) => new Promise<void>((resolve, reject) => s.end((error?: Error | null) => (error ? reject(error) : resolve()))),
      ),
    );
  }

  /** Closes the streams, writes extra files (manifest) and moves everything into place. */
  async commit(extra: Record<string, string>): Promise<void> {
    await this.closeStreams();
    for (const [name, content] of Object.entries(extra)) await writeFile(join(this.tmpDir, name), content);
    for (const id of this.streams.keys()) await rename(join(this.tmpDir, `${id}.jsonl`), join(this.outDir, `${id}.jsonl`));
    for (const name of Object.keys(extra)) await rename(join(this.tmpDir, name), join(this.outDir, name));
    await rm(this.tmpDir, { recursive: true, force: true });
  }

  /** Drops everything this run wrote; the previous output stays as it was. */
  async abort(): Promise<void> {
    for (const s of this.streams.values()) s.destroy();
    this.closed = true;
    await rm(this.tmpDir, { recursive: true, force: true });
  }

  /** Synchronous cleanup for signal handlers. */
  abortSync(rmSync: (path: string, options: { recursive: boolean; force: boolean }) => void): void {
    for (const s of this.streams.values()) s.destroy();
    rmSync(this.tmpDir, { recursive: true, force: true });
  }
}
