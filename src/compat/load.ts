import bundled from '../data/compat.json' with { type: 'json' };
import { UserError } from '../errors.js';
import type { CompatData, CompatOverride } from './schema.js';
import { validateCompat, validateOverride } from './validate.js';

/** The release data shipped with the action, validated once per process. */
let bundledData: CompatData | undefined;
export function bundledCompat(): CompatData {
  bundledData ??= validateCompat(structuredClone(bundled), 'the bundled release data (src/data/compat.json)');
  return bundledData;
}

/**
 * Parse a compat-file's text (JSON, same schema as the bundled data, every
 * section optional) and merge it over `base`: torch releases replace the
 * bundled release of the same minor or are added; CUDA entries likewise by
 * version; the other sections replace the bundled ones.
 */
export function mergeCompatFile(base: CompatData, text: string, origin: string): CompatData {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(`${origin} is not valid JSON: ${(err as Error).message}`);
  }
  const override = validateOverride(json, origin);
  return validateCompat(mergeCompat(base, override), `${origin} merged with the bundled release data`);
}

export function mergeCompat(base: CompatData, override: CompatOverride): CompatData {
  const merged: CompatData = structuredClone(base);
  if (override.torch) merged.torch = upsert(merged.torch, override.torch, (r) => r.minor);
  if (override.cuda) merged.cuda = upsert(merged.cuda, override.cuda, (c) => c.version);
  if (override.cudaMajors) merged.cudaMajors = upsert(merged.cudaMajors, override.cudaMajors, (m) => m.major);
  if (override.cpuImage) merged.cpuImage = override.cpuImage;
  if (override.indexUrls) merged.indexUrls = override.indexUrls;
  if (override.sources) merged.sources = [...(merged.sources ?? []), ...override.sources];
  return merged;
}

function upsert<T>(list: T[], updates: T[], id: (item: T) => string): T[] {
  const out = [...list];
  for (const item of updates) {
    const at = out.findIndex((existing) => id(existing) === id(item));
    if (at >= 0) out[at] = item;
    else out.push(item);
  }
  return out;
}
