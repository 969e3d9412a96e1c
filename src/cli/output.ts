/** Where a command writes: standard output for results, standard error for everything else. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** Exit statuses of CLI.md: 2 for unusable input (the database untouched), 1 for anything else. */
export const EXIT = { ok: 0, failed: 1, badInput: 2 } as const;

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const number = (n: number): string => n.toLocaleString('en-US');
