import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError, quote } from '../errors.js';
import type { SourceText } from '../request.js';

/** Largest input file read: matrix specs and compat files are kilobytes. */
export const MAX_INPUT_FILE_BYTES = 1024 * 1024;

/**
 * Read a file named by an input. Relative paths resolve against `baseDir`;
 * with `confine`, the real path (symlinks followed) must stay inside it, so
 * an action input cannot read files outside the workspace.
 */
export function readInputFile(file: string, baseDir: string, field: string, confine: boolean): SourceText {
  if (file.includes('\0')) throw new UserError(`${field}: ${quote(file)} is not a valid path`);
  const resolved = path.resolve(baseDir, file);
  let real: string;
  try {
    real = realpathSync(resolved);
  } catch {
    throw new UserError(`${field}: ${quote(file)} does not exist (looked for ${resolved})`);
  }
  if (confine) {
    const base = realpathSync(baseDir);
    const rel = path.relative(base, real);
    if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
      throw new UserError(`${field}: ${quote(file)} is outside the workspace (${base}); give a path inside the repository`);
    }
  }
  const stat = statSync(real);
  if (!stat.isFile()) throw new UserError(`${field}: ${quote(file)} is not a regular file`);
  if (stat.size > MAX_INPUT_FILE_BYTES) {
    throw new UserError(`${field}: ${quote(file)} is ${stat.size} bytes; at most ${MAX_INPUT_FILE_BYTES} are read`);
  }
  return { text: readFileSync(real, 'utf8'), origin: `${field} ${file}`, path: real };
}

/** Standard input, for the CLI's `--matrix -`. */
export function readStdin(field: string): SourceText {
  return { text: readFileSync(0, 'utf8'), origin: `${field} (stdin)` };
}
