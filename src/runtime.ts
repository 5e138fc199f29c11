/**
 * What a command may do to the world, passed in by the entry point (the action or the CLI):
 * where it logs, the environment, the docker CLI, the workspace, the clock, cancellation and
 * masking. Commands take this and nothing global, so tests can give them their own.
 */

/** How commands report progress: the action maps it to @actions/core, the CLI to stderr. */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  group<T>(name: string, fn: () => Promise<T>): Promise<T>;
  /** output of a tool, which may contain anything: printed so it cannot issue workflow commands */
  untrusted(line: string): void;
}

export interface Runtime {
  log: Log;
  env: NodeJS.ProcessEnv;
  /** the docker CLI to run */
  docker: string;
  /** where relative paths from inputs start (the workspace) */
  baseDir: string;
  now: () => Date;
  signal?: AbortSignal;
  /** masks a secret in the log (the action: core.setSecret); absent for the CLI */
  mask?: (secret: string) => void;
}

/** Resolves once stdout and stderr have handed what was written to the OS (before process.exit). */
export async function flushed(): Promise<void> {
  await Promise.all(
    [process.stdout, process.stderr].map(
      (stream) => new Promise<void>((resolve) => (stream.writableLength ? stream.write('', () => resolve()) : resolve())),
    ),
  );
}
