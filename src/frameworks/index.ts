import type { CudaData, DataNotes } from '../compat/schema.js';
import type { Framework, FrameworkRelease } from './framework.js';
import { jax, type JaxData, type JaxEntry } from './jax.js';
import { pytorch, type PytorchData, type TorchEntry } from './pytorch.js';
import { tensorflow, type TensorflowData, type TensorflowEntry } from './tensorflow.js';

/**
 * The frameworks, in one list: the planner, the template, the build and the smoke check find a
 * framework here and ask it. A new framework is a file beside these, its data under src/data/,
 * and one line in each of the three declarations below (docs/adding-a-framework.md).
 */

/** One resolved matrix entry, of any framework: a flat object that carries everything a job needs. */
export type MatrixEntry = TorchEntry | TensorflowEntry | JaxEntry;

/** The release data: the CUDA sections and every framework's own. */
export type ReleaseData = { schemaVersion: 1 } & DataNotes & CudaData & PytorchData & TensorflowData & JaxData;

export const FRAMEWORKS: readonly Framework<MatrixEntry, FrameworkRelease>[] = [
  pytorch as Framework<MatrixEntry, FrameworkRelease>,
  tensorflow as Framework<MatrixEntry, FrameworkRelease>,
  jax as Framework<MatrixEntry, FrameworkRelease>,
];

export type FrameworkId = MatrixEntry['framework'];

/** The spec keys that name a framework's versions: torch, tensorflow, jax. */
export const VERSION_KEYS: readonly string[] = FRAMEWORKS.map((f) => f.key);

export function frameworkById(id: string): Framework<MatrixEntry, FrameworkRelease> {
  const found = FRAMEWORKS.find((f) => f.id === id);
  if (!found) throw new Error(`no framework ${id}`);
  return found;
}

export function frameworkByKey(key: string): Framework<MatrixEntry, FrameworkRelease> | undefined {
  return FRAMEWORKS.find((f) => f.key === key);
}

export function frameworkOf(entry: { framework: string }): Framework<MatrixEntry, FrameworkRelease> {
  return frameworkById(entry.framework);
}

/** The framework's own version: torch, tensorflow or jax. */
export function frameworkVersion(entry: MatrixEntry): string {
  return String((entry as unknown as Record<string, unknown>)[frameworkOf(entry).key]);
}

/** "torch 2.4.1", "tensorflow 2.18.1", "jax 0.8.0" */
export function frameworkTitle(entry: MatrixEntry): string {
  return `${frameworkOf(entry).key} ${frameworkVersion(entry)}`;
}

/** Every package some framework's matrix decides: customisation may not install them. */
export const FRAMEWORK_PACKAGES: readonly string[] = FRAMEWORKS.flatMap((f) => f.packages);
