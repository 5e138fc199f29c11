import { availableParallelism } from 'node:os';
import { UserError, quote } from '../errors.js';
import { checkPlaceholders } from '../inputs/placeholders.js';
import type { InputName, Inputs } from '../inputs/table.js';
import { LABEL_KEY, VARIABLE_NAME, lines, parseBoolean, parseChoice, parseKeyValueLines, parseWholeNumber } from '../inputs/values.js';
import { TAG, lowercaseRepository, parseRepository, type Repository } from './reference.js';
import { parsePlatform, type Platform } from '../matrix/platform.js';
import { parseProvenance, parseSbom, type Attestations } from './attestations.js';
import { parseCompression, type Compression } from './compression.js';
import { joinSecrets, parseSecretFiles, parseSecrets, type BuildSecret } from './secrets.js';

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
  /** put before every tag the build writes (the entry's and the extra ones), e.g. "pr-12-"; "" for none */
  tagPrefix: string;
  labels: [string, string][];
  skipExisting: boolean;
  /** after a push, read the image's layers and report libraries held twice (input duplicate-scan) */
  duplicateScan: boolean;
  failFast: boolean;
  /** extra attempts after a transient registry or network failure */
  retries: number;
  /** seconds one Actions-cache operation may take before the build goes on without it */
  cacheTimeoutSeconds: number;
  /** entries built at once */
  parallel: number;
  /** a fan-out job's one platform of each entry (pushed under a platform tag for merge); every platform when absent */
  platform?: Platform;
  /** attestations pushed with each image (inputs provenance and sbom); off by default */
  attestations: Attestations;
  /** how pushed layers are compressed (inputs compression and force-compression); gzip by default */
  compression: Compression;
  /** build secrets (inputs secrets and secret-files); files are made absolute before the build */
  secrets: BuildSecret[];
  /** what parsing changed in the inputs (capitals lowercased in repository names), for the command to log once */
  notices: string[];
}

export function parseCache(text: string | undefined, field: string): CacheBackend {
  return parseChoice(text, field, CACHE_BACKENDS, 'auto', 'a cache backend');
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

/**
 * Tag templates: each a bare tag or a full reference, with optional {placeholder}s. A full
 * reference's repository is lowercased (its tag keeps its case), with a notice in `notices`.
 */
export function parseTagTemplates(text: string | undefined, field: string, notices: string[] = []): string[] {
  return lines(text).map((line, i) => {
    checkPlaceholders(line, 'tags', `${field} line ${i + 1}`);
    if (/\s/.test(line)) throw new UserError(`${field} line ${i + 1}: ${quote(line)} contains whitespace`);
    if (!/[:/]/.test(line)) return line;
    const lowered = lowercaseRepository(line, `${field} line ${i + 1}`);
    if (lowered.notice) notices.push(lowered.notice);
    return lowered.text;
  });
}

/**
 * A prefix for every tag the build writes (e.g. "pr-12-" for a pull request): it must itself be able
 * to start a tag; each prefixed tag is checked again when the entry's tags are planned.
 */
export function parseTagPrefix(text: string | undefined, field: string): string {
  const t = (text ?? '').trim();
  if (t !== '' && !TAG.test(t)) {
    throw new UserError(
      `${field}: ${quote(text)} cannot start a tag; accepted: letters, digits, _ . - (up to 128, not starting with . or -), e.g. pr-12-`,
    );
  }
  return t;
}

/** The repository to tag the images in; capitals are lowercased, with a notice in `notices`. */
export function parseImage(text: string | undefined, field: string, notices: string[] = []): Repository {
  if (!text || text.trim() === '') {
    throw new UserError(`${field} is required: the image repository (e.g. ghcr.io/acme/pytorch)`);
  }
  const repository = parseRepository(text, field);
  const { notice } = lowercaseRepository(text.trim(), field);
  if (notice) notices.push(notice);
  return repository;
}

export function parseBuildOptions(inputs: Inputs): BuildOptions {
  const get = (name: InputName): string | undefined => inputs.get(name);
  const field = (name: InputName): string => inputs.field(name);
  const notices: string[] = [];
  const options: BuildOptions = {
    repository: parseImage(get('image'), field('image'), notices),
    push: parseBoolean(get('push'), field('push'), false),
    cache: parseCache(get('cache'), field('cache')),
    context: get('context')?.trim() || '.',
    buildArgs: parseKeyValueLines(get('build-args'), field('build-args'), VARIABLE_NAME),
    tags: parseTagTemplates(get('tags'), field('tags'), notices),
    tagPrefix: parseTagPrefix(get('tag-prefix'), field('tag-prefix')),
    labels: parseKeyValueLines(get('labels'), field('labels'), LABEL_KEY),
    skipExisting: parseBoolean(get('skip-existing'), field('skip-existing'), true),
    duplicateScan: parseBoolean(get('duplicate-scan'), field('duplicate-scan'), true),
    failFast: parseBoolean(get('fail-fast'), field('fail-fast'), false),
    retries: parseWholeNumber(get('retries'), field('retries'), { min: 0, max: 10, fallback: 2 }),
    cacheTimeoutSeconds: parseWholeNumber(get('cache-timeout'), field('cache-timeout'), {
      min: 1,
      max: 3600,
      fallback: 120,
      unit: 'seconds',
    }),
    parallel: parseParallel(get('parallel'), field('parallel')),
    attestations: {
      provenance: parseProvenance(get('provenance'), field('provenance')),
      sbom: parseSbom(get('sbom'), field('sbom')),
    },
    compression: parseCompression(
      get('compression'),
      parseBoolean(get('force-compression'), field('force-compression'), false),
      field('compression'),
    ),
    secrets: joinSecrets(parseSecrets(get('secrets'), field('secrets')), parseSecretFiles(get('secret-files'), field('secret-files')), {
      secrets: field('secrets'),
      files: field('secret-files'),
    }),
    notices,
  };
  const platform = get('platform')?.trim();
  if (platform) options.platform = parsePlatform(platform, field('platform'));
  const builder = get('builder')?.trim();
  if (builder) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(builder)) throw new UserError(`${field('builder')}: ${quote(builder)} is not a builder name`);
    options.builder = builder;
  }
  const dockerfile = get('dockerfile')?.trim();
  const context = get('context')?.trim();
  if (dockerfile) options.dockerfile = dockerfile;
  else if (context && context !== '.') {
    throw new UserError(
      `${field('context')} is set but ${field('dockerfile')} is not: ` +
        `the embedded template needs no context; give both to build your own Dockerfile`,
    );
  }
  return options;
}
