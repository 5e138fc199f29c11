import { UserError, quote } from '../errors.js';
import { readInputFile } from './files.js';
import { MAX_SECRET_BYTES, secretRedactions, type BuildSecret } from '../image/secrets.js';

/**
 * Build secrets made ready before anything builds: each file found (relative paths from the
 * workspace; absolute ones anywhere, since a secret file belongs outside the repository, e.g.
 * in RUNNER_TEMP), bounded, and read once for what to mask. A missing file fails the command
 * here, not minutes into a build.
 */
export interface LoadedSecrets {
  /** the secrets with files as absolute real paths */
  secrets: BuildSecret[];
  /** what to take out of every log line and result (see secretRedactions) */
  redactions: string[];
}

export function loadSecrets(secrets: BuildSecret[], baseDir: string, env: NodeJS.ProcessEnv = {}, field = 'secret-files'): LoadedSecrets {
  const texts: { value?: string; text?: string }[] = [];
  const loaded = secrets.map((s): BuildSecret => {
    if (s.env !== undefined) {
      const value = env[s.env];
      // An environment-variable style name (HF_TOKEN) is shown; anything else may be a token pasted without its id=.
      const name = /^[A-Z][A-Z0-9_]*$/.test(s.env) ? `${s.env} ` : '';
      if (!value) throw new UserError(`secrets: the environment variable ${name}named by an id-only line is not set, or empty`);
      if (/[\u0000-\u001f\u007f]/.test(value) || Buffer.byteLength(value) > MAX_SECRET_BYTES) {
        throw new UserError(`secrets: the environment variable ${name}holds control characters or more than ${MAX_SECRET_BYTES} bytes`);
      }
      texts.push({ value });
      return { id: s.id, value };
    }
    if (s.file === undefined) {
      texts.push({ value: s.value ?? '' });
      return s;
    }
    // Not confined to the workspace: a secret file belongs outside the repository (RUNNER_TEMP).
    const read = readInputFile(s.file, baseDir, `${field} (${s.id})`, false, {
      bytes: MAX_SECRET_BYTES,
      why: `BuildKit takes at most ${MAX_SECRET_BYTES} per secret`,
    });
    const real = read.path as string;
    const text = read.text;
    if (text === '') throw new UserError(`${field} (${s.id}): ${quote(s.file)} is empty`);
    if (/[,\u0000-\u001f]/.test(real)) {
      throw new UserError(`${field} (${s.id}): the path ${quote(real)} holds a comma or a control character, which buildx cannot take`);
    }
    texts.push({ text });
    return { id: s.id, file: real };
  });
  return { secrets: loaded, redactions: secretRedactions(texts) };
}
