import { spawn } from 'node:child_process';

/**
 * Running a tool: always an argument array (no shell), output captured
 * (stdout and stderr interleaved as they arrive), an optional timeout, and the
 * whole process group stopped on timeout or abort so nothing keeps running.
 */

export interface ExecResult {
  code: number;
  output: string;
  timedOut: boolean;
}

export interface ExecOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  input?: string;
  timeoutMs?: number;
  /** called for each complete output line, as it arrives */
  onLine?: (line: string) => void;
  signal?: AbortSignal;
}

/** Output kept per command: enough for a diagnosis, bounded for a build that prints gigabytes. */
const MAX_CAPTURE = 4 * 1024 * 1024;

export function execCapture(file: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve) => {
    let output = '';
    let pending = '';
    let timedOut = false;
    const child = spawn(file, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout or cancel stops its children too
    });
    const kill = (): void => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      setTimeout(() => {
        try {
          if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5000).unref();
    };
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          kill();
        }, options.timeoutMs)
      : undefined;
    const onAbort = (): void => kill();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    const take = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      if (output.length > MAX_CAPTURE) output = output.slice(-MAX_CAPTURE);
      if (options.onLine) {
        pending += text;
        const parts = pending.split(/\r?\n/);
        pending = parts.pop() ?? '';
        for (const line of parts) options.onLine(line);
      }
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (err) => {
      output += `${err.message}\n`;
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (pending && options.onLine) options.onLine(pending);
      resolve({ code: code ?? (signal ? 128 : 1), output, timedOut });
    });
    child.stdin.on('error', () => {
      // the tool may exit without reading its input
    });
    child.stdin.end(options.input ?? '');
  });
}
