import type { InputName, Inputs } from '../src/inputs/table.js';
import { UserError } from '../src/errors.js';
import { bundledCompat } from '../src/compat/load.js';
import type { ReleaseData } from '../src/frameworks/index.js';
import type { MatrixEntry } from '../src/frameworks/index.js';
import { DEFAULT_MAX_ENTRIES, resolvePlans, type Plan } from '../src/matrix/resolve.js';
import { parseMatrixSpecs } from '../src/matrix/spec.js';

/** Plan a matrix spec written as YAML or JSON against the bundled data (or `data`). */
export function plan(text: string, options: { maxEntries?: number; data?: ReleaseData } = {}): Plan {
  return resolvePlans(parseMatrixSpecs(text, 'matrix'), options.data ?? bundledCompat(), {
    maxEntries: options.maxEntries ?? DEFAULT_MAX_ENTRIES,
  });
}

/** The error message a planning attempt throws (fails the test when it does not throw). */
export function planError(text: string, options: { maxEntries?: number; data?: ReleaseData } = {}): string {
  try {
    plan(text, options);
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error(`expected planning to fail for:\n${text}`);
}

/** The fields a test table compares, in a compact form. */
export function brief(e: MatrixEntry): string {
  const version =
    e.framework === 'pytorch'
      ? `${e.torch}/${e.torchvision}/${e.torchaudio}`
      : e.framework === 'tensorflow'
        ? `tensorflow ${e.tensorflow}`
        : `jax ${e.jax}`;
  return `${version} ${e.cudaVariant} py${e.python} ${e.os} ${e.flavor}`;
}

/** The torch version of an entry (which a PyTorch plan's entries all have). */
export function torchOf(e: MatrixEntry | undefined): string | undefined {
  return e?.framework === 'pytorch' ? e.torch : undefined;
}

/** Inputs as a surface gives them, from a plain object keyed by input name; messages say "input <name>". */
export function fakeInputs(values: Partial<Record<InputName, string>>): Inputs {
  return { get: (name) => values[name], field: (name) => `input ${name}` };
}

/** The message of the UserError `fn` throws (fails the test when it throws nothing, or something else). */
export function userErrorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    return err.message;
  }
  throw new Error('expected a UserError, and nothing was thrown');
}
