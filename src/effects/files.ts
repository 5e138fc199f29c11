import { existsSync, mkdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UserError, quote } from '../errors.js';
import type { SourceText } from '../request.js';

/** Largest input file read: matrix specs and compat files are kilobytes. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/**
 * The real path of `file` (relative to `base`), refused when it leaves `base`. Symlinks are
 * resolved before comparing, of the file or, when it does not exist yet, of its nearest existing
 * folder, so a link inside the workspace cannot lead an input outside it.
 */
export function insideWorkspace(base: string, file: string, field: string): string {
  if (file.includes('\0')) throw new UserError(`${field}: ${quote(file)} is not a valid path`);
  const realBase = realpathSync(base);
  const resolved = path.resolve(base, file);
  let existing = resolved;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const real = path.join(realpathSync(existing), path.relative(existing, resolved));
  const rel = path.relative(realBase, real);
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new UserError(`${field}: ${quote(file)} is outside the workspace (${realBase}); give a path inside the repository`);
  }
  return real;
}

/**
 * Read a file named by an input. Relative paths resolve against `baseDir`; with `confine`, the
 * real path must stay inside it (the action's inputs cannot read files outside the workspace).
 */
export function readInputFile(
  file: string,
  baseDir: string,
  field: string,
  confine: boolean,
  limit: { bytes: number; why: string } = { bytes: MAX_INPUT_FILE_BYTES, why: `at most ${MAX_INPUT_FILE_BYTES} are read` },
): SourceText {
  if (file.includes('\0')) throw new UserError(`${field}: ${quote(file)} is not a valid path`);
  const resolved = path.resolve(baseDir, file);
  if (confine) insideWorkspace(baseDir, file, field);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    throw new UserError(`${field}: ${quote(file)} does not exist (looked for ${resolved})`);
  }
  const stat = statSync(real);
  if (!stat.isFile()) throw new UserError(`${field}: ${quote(file)} is not a regular file`);
  if (stat.size > limit.bytes) throw new UserError(`${field}: ${quote(file)} is ${stat.size} bytes; ${limit.why}`);
  let text: string;
  try {
    text = readFileSync(real, 'utf8');
  } catch (err) {
    throw new UserError(`${field}: ${quote(file)} could not be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return { text, origin: `${field} ${file}`, path: real };
}

/** Standard input, for the CLI's `--matrix -`. */
export function readStdin(field: string): SourceText {
  return { text: readFileSync(0, 'utf8'), origin: `${field} (stdin)` };
}

/**
 * Where scratch files go: the runner's RUNNER_TEMP (created when it is set but missing, as on a
 * self-hosted runner that cleaned it), else the system's temporary directory.
 */
export function tempRoot(env: NodeJS.ProcessEnv): string {
  const dir = env.RUNNER_TEMP;
  if (!dir) return tmpdir();
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Largest event payload read: GitHub's are kilobytes; a pull request with a huge body stays far under this. */
const MAX_EVENT_BYTES = 8 * 1024 * 1024;

/**
 * The pull request's number from the runner's event payload (GITHUB_EVENT_PATH), or null: outside
 * a pull request, outside Actions, or a payload that cannot be read (said by returning null).
 */
export function eventPullRequest(env: NodeJS.ProcessEnv): number | null {
  const file = env.GITHUB_EVENT_PATH;
  if (!file) return null;
  try {
    if (statSync(file).size > MAX_EVENT_BYTES) return null;
    const event = JSON.parse(readFileSync(file, 'utf8')) as { pull_request?: { number?: unknown } };
    const n = event?.pull_request?.number;
    return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}
