import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node.js binaries the bundles are run with: this machine's node, and
 * Node 24 (what `runs.using: node24` runs), installed by scripts/test.sh from
 * the npm package node@24 and passed in NODE24_BIN.
 */
export function runtimes(): { name: string; bin: string }[] {
  const node24 = process.env.NODE24_BIN;
  if (!node24 || !existsSync(node24)) {
    throw new Error('NODE24_BIN does not name a Node 24 binary: run the tests with `npm test` (scripts/test.sh installs it)');
  }
  return [
    { name: `node ${process.version} (this machine)`, bin: process.execPath },
    { name: 'node 24 (runs.using: node24)', bin: node24 },
  ];
}

export const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run a command with an argument array (no shell), feeding `input` on stdin. */
export function run(
  bin: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      args,
      { env: options.env ?? process.env, cwd: options.cwd ?? ROOT, timeout: options.timeoutMs ?? 20_000, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? '');
  });
}
