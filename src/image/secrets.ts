import { UserError, quote } from '../errors.js';
import { lines } from '../inputs/values.js';

/**
 * Build secrets (inputs secrets and secret-files): what they are and how buildx gets them. Pure.
 *
 * A value never travels on a command line (argv is visible to every user of the machine and is
 * what logs quote): buildx reads it from an environment variable only its own process has
 * (`--secret id=ID,env=VAR`). A file is passed by path (`src=`). Either way BuildKit mounts it
 * in the RUN steps that ask for it, and it is in no layer, no cache and no build-arg.
 */

export interface BuildSecret {
  id: string;
  /** the value (input secrets) */
  value?: string;
  /** the file holding it (input secret-files), as given; relative paths start at the workspace */
  file?: string;
  /** the environment variable holding it (an id-only line of input secrets: the CLI's way to keep it off argv) */
  env?: string;
}

/** The id the embedded template mounts as pip and uv's netrc file for the team's package steps. */
export const PIP_SECRET_ID = 'pip';

/**
 * BuildKit's limit for one secret: 500 KiB (MaxSecretSize in its session secrets provider, as a third-party
 * BuildKit client quotes it; not read in BuildKit's own source here) [inferred].
 */
export const MAX_SECRET_BYTES = 500 * 1024;

const SECRET_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const ID_FORM = 'letters, digits, _ . - (up to 128, not starting with . or -)';

/** One id=... line: the id checked; the rest is never quoted back (it is the secret). */
function splitLine(line: string, field: string, what: string): [string, string] {
  const eq = line.indexOf('=');
  const id = eq > 0 ? line.slice(0, eq).trim() : '';
  if (!SECRET_ID.test(id)) {
    // Nothing of the line is quoted: a token pasted without its id= would be shown.
    throw new UserError(`${field}: the line (not shown: it may hold the secret) is not id=${what}; the id takes ${ID_FORM}`);
  }
  const rest = line.slice(eq + 1);
  // "=" alone, or "==": a base64 token pasted without its id= splits at its padding.
  if (/^=*$/.test(rest)) {
    throw new UserError(`${field}: the line (not shown: it may hold the secret) has no ${what} after id=; is its id= missing?`);
  }
  return [id, rest];
}

/**
 * Input secrets: id=value lines, or an id alone (a variable name) whose value is that environment
 * variable's. A value is one line; a longer one (a netrc file) belongs in secret-files.
 */
export function parseSecrets(text: string | undefined, field: string): BuildSecret[] {
  return lines(text).map((line, i) => {
    if (!line.includes('=') && /^[A-Za-z_][A-Za-z0-9_]{0,127}$/.test(line)) return { id: line, env: line };
    const [id, value] = splitLine(line, `${field} line ${i + 1}`, 'value');
    if (/[\u0000-\u001f\u007f]/.test(value)) {
      throw new UserError(
        `${field} line ${i + 1} (${id}): the value holds control characters; put a multi-line secret in a file (secret-files)`,
      );
    }
    if (Buffer.byteLength(value) > MAX_SECRET_BYTES) {
      throw new UserError(`${field} line ${i + 1} (${id}): the value is over ${MAX_SECRET_BYTES} bytes, BuildKit's limit for one secret`);
    }
    return { id, value };
  });
}

/** Input secret-files: id=path lines. */
export function parseSecretFiles(text: string | undefined, field: string): BuildSecret[] {
  return lines(text).map((line, i) => {
    const [id, file] = splitLine(line, `${field} line ${i + 1}`, 'path');
    if (/[\u0000-\u001f\u007f,]/.test(file)) {
      // buildx splits --secret on commas; a path with one cannot be named there.
      throw new UserError(`${field} line ${i + 1} (${id}): ${quote(file)} holds a comma or a control character, which buildx cannot take`);
    }
    return { id, file: file.trim() };
  });
}

/** Both inputs together; an id given twice is refused (which one should win is not a guess to make). */
export function joinSecrets(values: BuildSecret[], files: BuildSecret[], fields: { secrets: string; files: string }): BuildSecret[] {
  const seen = new Map<string, string>();
  for (const [list, field] of [
    [values, fields.secrets],
    [files, fields.files],
  ] as const) {
    for (const s of list) {
      const before = seen.get(s.id);
      if (before) throw new UserError(`${field}: secret id ${quote(s.id)} is given twice (also in ${before}); each id once`);
      seen.set(s.id, field);
    }
  }
  return [...values, ...files];
}

/**
 * The --secret arguments and the environment they read from (files already absolute: loadSecrets).
 * The variable names and the paths hold no secret.
 */
export function secretArgs(secrets: readonly BuildSecret[]): { args: string[]; env: Record<string, string> } {
  const args: string[] = [];
  const env: Record<string, string> = {};
  secrets.forEach((s, i) => {
    if (s.value !== undefined) {
      const name = `GIM_BUILD_SECRET_${i}`;
      env[name] = s.value;
      args.push('--secret', `id=${s.id},env=${name}`);
    } else if (s.file !== undefined) {
      args.push('--secret', `id=${s.id},src=${s.file}`);
    }
  });
  return { args, env };
}

/**
 * The strings to take out of anything printed or returned: each value, and each line of a secret
 * file (a RUN step that prints a netrc file prints it line by line; the runner masks per line too).
 * Lines under 4 characters are left: masking "a" would blank every log line without hiding anything.
 */
export function secretRedactions(secrets: { value?: string; text?: string }[]): string[] {
  const out = new Set<string>();
  for (const s of secrets) {
    for (const text of [s.value, s.text]) {
      if (!text) continue;
      if (text.trim().length >= 4) out.add(text.trim());
      for (const line of text.split(/\r?\n/)) if (line.trim().length >= 4) out.add(line.trim());
    }
  }
  // Longest first, so a line inside a longer value does not leave the rest of it standing.
  return [...out].sort((a, b) => b.length - a.length);
}

/** Text with every redaction replaced by ***. */
export function redact(text: string, redactions: readonly string[]): string {
  let out = text;
  for (const r of redactions) if (out.includes(r)) out = out.split(r).join('***');
  return out;
}
