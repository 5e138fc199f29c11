import { availableParallelism } from 'node:os';
import { UserError, listWords, quote } from '../errors.js';
import { parseRepository, type Repository } from './reference.js';

/**
 * What `build` needs beyond the matrix, parsed from action inputs or CLI flags
 * (both entries call these parsers, so the rules are the same).
 */

export const CACHE_BACKENDS = ['auto', 'registry', 'gha', 'local', 'inline', 'none'] as const;
export type CacheBackend = (typeof CACHE_BACKENDS)[number];

export interface BuildOptions {
  repository: Repository;
  push: boolean;
  cache: CacheBackend;
  /** buildx builder name; the current one when absent */
  builder?: string;
  /** the user's Dockerfile (path inside the context); the embedded template when absent */
  dockerfile?: string;
  /** build context directory (an empty one for the embedded template) */
  context: string;
  buildArgs: [string, string][];
  /** extra tags: templates with {tag}, {key}, ... placeholders; bare tags or full references */
  tags: string[];
  labels: [string, string][];
  skipExisting: boolean;
  failFast: boolean;
  /** extra attempts after a transient registry or network failure */
  retries: number;
  /** seconds one Actions-cache operation may take before the build goes on without it */
  cacheTimeoutSeconds: number;
  /** entries built at once */
  parallel: number;
}

export const PLACEHOLDERS = [
  'tag',
  'key',
  'framework',
  'torch',
  'tensorflow',
  'jax',
  'cuda',
  'cudaVariant',
  'python',
  'os',
  'flavor',
] as const;

export function parseBoolean(text: string | undefined, field: string, fallback: boolean): boolean {
  const t = (text ?? '').trim();
  if (t === '') return fallback;
  if (/^(true|True|TRUE)$/.test(t)) return true;
  if (/^(false|False|FALSE)$/.test(t)) return false;
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: true or false`);
}

export function parseCache(text: string | undefined, field: string): CacheBackend {
  const t = (text ?? '').trim().toLowerCase() || 'auto';
  if ((CACHE_BACKENDS as readonly string[]).includes(t)) return t as CacheBackend;
  throw new UserError(`${field}: ${quote(text)} is not a cache backend; accepted: ${listWords([...CACHE_BACKENDS])}`);
}

export function parseRetries(text: string | undefined, field: string): number {
  const t = (text ?? '').trim();
  if (t === '') return 2;
  if (/^\d+$/.test(t) && Number(t) <= 10) return Number(t);
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: a whole number from 0 to 10 (default 2)`);
}

/**
 * Entries built at once. "auto": half the runner's CPUs (BuildKit runs each build's steps in
 * parallel already), at least 1 and at most 4.
 */
export function parseParallel(text: string | undefined, field: string, cpus = availableParallelism()): number {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '' || t === 'auto') return Math.max(1, Math.min(4, Math.floor(cpus / 2)));
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 32) return Number(t);
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: auto, or a whole number from 1 to 32`);
}

export function parseCacheTimeout(text: string | undefined, field: string): number {
  const t = (text ?? '').trim();
  if (t === '') return 120;
  if (/^\d+$/.test(t) && Number(t) >= 1 && Number(t) <= 3600) return Number(t);
  throw new UserError(`${field}: ${quote(text)} is not valid; accepted: seconds from 1 to 3600 (default 120)`);
}

/** Non-empty lines, trimmed; comments (#) dropped. Commas do not split: values may contain them. */
export function lines(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

const ARG_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[A-Za-z0-9][A-Za-z0-9._\/-]*$/;

/** KEY=VALUE lines (build-args). */
export function parseBuildArgs(text: string | undefined, field: string): [string, string][] {
  return lines(text).map((line, i) => {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!ARG_NAME.test(key)) {
      throw new UserError(`${field} line ${i + 1}: ${quote(line)} is not KEY=VALUE with a name of letters, digits and _`);
    }
    return [key, line.slice(eq + 1)];
  });
}

/** key=value lines (labels, as docker/metadata-action outputs them). */
export function parseLabels(text: string | undefined, field: string): [string, string][] {
  return lines(text).map((line, i) => {
    const eq = line.indexOf('=');
    const key = eq > 0 ? line.slice(0, eq).trim() : '';
    if (!LABEL_KEY.test(key)) throw new UserError(`${field} line ${i + 1}: ${quote(line)} is not key=value`);
    return [key, line.slice(eq + 1)];
  });
}

/** Tag templates: each a bare tag or a full reference, with optional {placeholder}s. */
export function parseTagTemplates(text: string | undefined, field: string): string[] {
  return lines(text).map((line, i) => {
    for (const m of line.matchAll(/\{([^}]*)\}/g)) {
      if (!(PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')) {
        throw new UserError(
          `${field} line ${i + 1}: unknown placeholder {${m[1]}}; accepted: ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        );
      }
    }
    if (/\s/.test(line)) throw new UserError(`${field} line ${i + 1}: ${quote(line)} contains whitespace`);
    return line;
  });
}

export function parseImage(text: string | undefined, field: string): Repository {
  if (!text || text.trim() === '') {
    throw new UserError(`${field} is required for build: the repository to tag the images in, e.g. ghcr.io/acme/pytorch`);
  }
  return parseRepository(text, field);
}

/** The raw build settings as either entry point reads them (strings, newline lists). */
export interface RawBuildInputs {
  image?: string;
  push?: string;
  cache?: string;
  builder?: string;
  dockerfile?: string;
  context?: string;
  buildArgs?: string;
  tags?: string;
  labels?: string;
  skipExisting?: string;
  failFast?: string;
  retries?: string;
  cacheTimeout?: string;
  parallel?: string;
}

/** How each setting is named on a surface, for messages ("input build-args" or "--build-arg"). */
export type BuildFieldNames = Record<keyof RawBuildInputs, string>;

export function parseBuildOptions(raw: RawBuildInputs, names: BuildFieldNames): BuildOptions {
  const options: BuildOptions = {
    repository: parseImage(raw.image, names.image),
    push: parseBoolean(raw.push, names.push, false),
    cache: parseCache(raw.cache, names.cache),
    context: raw.context?.trim() || '.',
    buildArgs: parseBuildArgs(raw.buildArgs, names.buildArgs),
    tags: parseTagTemplates(raw.tags, names.tags),
    labels: parseLabels(raw.labels, names.labels),
    skipExisting: parseBoolean(raw.skipExisting, names.skipExisting, true),
    failFast: parseBoolean(raw.failFast, names.failFast, false),
    retries: parseRetries(raw.retries, names.retries),
    cacheTimeoutSeconds: parseCacheTimeout(raw.cacheTimeout, names.cacheTimeout),
    parallel: parseParallel(raw.parallel, names.parallel),
  };
  const builder = raw.builder?.trim();
  if (builder) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder)) throw new UserError(`${names.builder}: ${quote(builder)} is not a builder name`);
    options.builder = builder;
  }
  const dockerfile = raw.dockerfile?.trim();
  if (dockerfile) options.dockerfile = dockerfile;
  else if (raw.context?.trim() && raw.context.trim() !== '.') {
    throw new UserError(
      `${names.context} is set but ${names.dockerfile} is not: the embedded template needs no context; give both to build your own Dockerfile`,
    );
  }
  return options;
}
