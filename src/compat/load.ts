import cuda from '../data/cuda.json' with { type: 'json' };
import jax from '../data/jax.json' with { type: 'json' };
import pytorch from '../data/pytorch.json' with { type: 'json' };
import refreshed from '../data/refreshed.json' with { type: 'json' };
import tensorflow from '../data/tensorflow.json' with { type: 'json' };
import { UserError } from '../errors.js';
import type { ReleaseData } from '../frameworks/index.js';
import type { CompatOverride } from './schema.js';
import { SECTIONS, validateCompat, validateOverride } from './validate.js';

/** The data files shipped with the action (src/data/): the CUDA data, then one per framework. */
const BUNDLED_FILES: Record<string, unknown>[] = [cuda, pytorch, tensorflow, jax];

/** The release data shipped with the action, merged from its files and validated once per process. */
let bundledData: ReleaseData | undefined;
export function bundledCompat(): ReleaseData {
  if (!bundledData) {
    const files = validateCompat(joinFiles(structuredClone(BUNDLED_FILES)), 'the bundled release data (src/data/*.json)');
    // What the weekly refresh found (a compat-file, reviewed in its pull request) goes over the transcribed files.
    const found = validateOverride(structuredClone(refreshed) as never, 'src/data/refreshed.json');
    bundledData = validateCompat(mergeCompat(files, found), 'the bundled release data with src/data/refreshed.json');
  }
  return bundledData;
}

/** The data files as one object: their sections side by side, their sources and left-out notes joined. */
function joinFiles(files: Record<string, unknown>[]): Record<string, unknown> {
  const joined: Record<string, unknown> = { schemaVersion: 1, sources: [], leftOut: [] };
  for (const file of files) {
    for (const [key, value] of Object.entries(file)) {
      if (key === 'sources' || key === 'leftOut') (joined[key] as unknown[]).push(...(value as unknown[]));
      else if (key !== 'schemaVersion' && key !== 'about' && key !== 'snapshot' && key !== 'provenanceLegend') {
        if (key in joined) throw new Error(`src/data: section ${key} is in two files`);
        joined[key] = value;
      }
    }
  }
  return joined;
}

/**
 * Parse a compat-file's text (JSON, the sections of the bundled data, each optional) and merge
 * it over `base`: list sections by id (a torch release replaces the bundled one of the same
 * minor, or is added; CUDA by version; ...), jaxCuda by major, the others whole.
 */
export function mergeCompatFile(base: ReleaseData, text: string, origin: string): ReleaseData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${origin} is not valid JSON: ${(err as Error).message}`);
  }
  const override = validateOverride(json, origin);
  return validateCompat(mergeCompat(base, override), `${origin} merged with the bundled release data`);
}

export function mergeCompat(base: ReleaseData, override: CompatOverride): ReleaseData {
  const merged = structuredClone(base) as unknown as Record<string, unknown>;
  const over = override as unknown as Record<string, unknown>;
  for (const section of SECTIONS) {
    const value = over[section.name];
    if (value === undefined) continue;
    const merge = section.merge;
    if (merge.kind === 'list')
      merged[section.name] = upsert(merged[section.name] as Record<string, unknown>[], value as Record<string, unknown>[], merge.id);
    else if (merge.kind === 'record') merged[section.name] = { ...(merged[section.name] as object), ...(value as object) };
    else merged[section.name] = value;
  }
  for (const notes of ['sources', 'leftOut'] as const) {
    if (override[notes]) merged[notes] = [...((merged[notes] as unknown[]) ?? []), ...override[notes]];
  }
  return merged as unknown as ReleaseData;
}

function upsert(list: Record<string, unknown>[], updates: Record<string, unknown>[], id: string): Record<string, unknown>[] {
  const out = [...list];
  for (const item of updates) {
    const at = out.findIndex((existing) => existing[id] === item[id]);
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return out;
}
