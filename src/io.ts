/** Where a command writes and what it knows about the terminal; injected so tests run in-process. */
export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** Environment (NO_COLOR, CI, …). */
  env: Record<string, string | undefined>;
}

export const processIo: Io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
};
