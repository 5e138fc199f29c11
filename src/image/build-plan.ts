import { createHash } from 'node:crypto';
import { UserError, quote } from '../errors.js';
import { entryKey, identityOf, platformsOf } from '../matrix/entry.js';
import { platformSlug, type Platform } from '../matrix/platform.js';
import { frameworkOf, frameworkTitle, type MatrixEntry } from '../frameworks/index.js';
import { RUN_PLACEHOLDERS, renderPlaceholders, type RunValues } from '../inputs/placeholders.js';
import type { BuildOptions, CacheBackend } from './options.js';
import { attestationHashPart } from './attestations.js';
import { compressionHashPart } from './compression.js';
import { parseTaggedReference, repositoryName, taggedReference, type Repository } from './reference.js';

/**
 * Everything one entry's build needs, decided before anything runs: tags,
 * labels, build-args, the content hash and its tag, the cache flags. Pure.
 */

export interface EntryBuild {
  entry: MatrixEntry;
  /** full references; the first is the entry's own tag under the image */
  tags: string[];
  /** content-addressed reference: present in the registry means "already built" (for every platform) */
  contentTag: string;
  contentHash: string;
  /** what this build builds: the entry's platforms, or the one a fan-out job was given */
  platforms: Platform[];
  /**
   * For a fan-out job building one platform of a multi-platform entry: the one tag it pushes (the
   * content tag plus the platform), which `merge` joins with the others into the entry's index.
   */
  platformTag?: string;
  buildArgs: [string, string][];
  labels: [string, string][];
  cache: CachePlan;
}

export interface CachePlan {
  backend: Exclude<CacheBackend, 'auto'>;
  from: string[];
  to: string[];
  /**
   * For `local`: BuildKit reads `dir` and exports into the fresh `exportDir`, which then
   * replaces `dir` before `dir` is saved, so the cache holds this build's layers only and
   * never grows without bound. @actions/cache needs the same path to save and restore.
   */
  local?: { dir: string; exportDir: string; key: string; restoreKeys: string[] };
  /** why another backend than the one asked for is used (the builder's driver cannot export it) */
  note?: string;
}

/** Facts from the run's environment, passed in so this stays pure. */
export interface BuildEnvironment {
  /** https://github.com/owner/repo, when known */
  sourceUrl?: string;
  revision?: string;
  /**
   * RFC 3339 time for org.opencontainers.image.created: SOURCE_DATE_EPOCH, else the commit time,
   * so that a rebuild of a commit carries the same label (the wall clock only where neither is known)
   */
  created: string;
  /** a scratch directory for local cache folders */
  tempDir: string;
  /** what tag templates' {sha}, {ref}, {pr} and {date} take in this run; a missing one leaves its lines out */
  run?: RunValues;
}

/** Bump when what goes into a content hash changes meaning. */
const CONTENT_VERSION = 1;

/** Build-args every build gets from its entry; the user's build-args may not redefine them. */
export function entryBuildArgs(entry: MatrixEntry): [string, string][] {
  const args: [string, string | null][] = [
    ['BASE_IMAGE', entry.baseImage],
    // Each framework's own (PyTorch entries keep exactly the args they always had).
    ...frameworkOf(entry).buildArgs(entry),
    ['CUDA_VERSION', entry.cuda],
    ['CUDA_FULL_VERSION', entry.cudaFull],
    ['CUDA_VARIANT', entry.cudaVariant],
    ['CUDNN_VERSION', entry.cudnn],
    ['PYTHON_VERSION', entry.python],
    ['OS', entry.os],
    ['FLAVOR', entry.flavor],
    ['MIN_DRIVER', entry.minDriver],
    ['ENTRY_TAG', entry.tag],
    ['ENTRY_KEY', entry.key],
  ];
  return args.map(([k, v]) => [k, v ?? '']);
}

export const LABEL_PREFIX = 'io.github.gpu-image-matrix';

export function entryLabels(
  entry: MatrixEntry,
  env: BuildEnvironment,
  contentHash: string,
  baseDigest: string | null = null,
): [string, string][] {
  const labels: [string, string | null][] = [
    ['org.opencontainers.image.title', `${frameworkTitle(entry)} ${entry.cudaVariant} python ${entry.python}`],
    ['org.opencontainers.image.version', entry.tag],
    ['org.opencontainers.image.created', env.created],
    ['org.opencontainers.image.source', env.sourceUrl ?? null],
    ['org.opencontainers.image.revision', env.revision ?? null],
    ['org.opencontainers.image.base.name', entry.baseImage],
    // FROM is pinned to this digest when the base image was looked up (the embedded template)
    ['org.opencontainers.image.base.digest', baseDigest],
    ...frameworkOf(entry).labels(entry, LABEL_PREFIX),
    [`${LABEL_PREFIX}.cuda`, entry.cudaFull ?? entry.cuda],
    [`${LABEL_PREFIX}.cuda-variant`, entry.cudaVariant],
    [`${LABEL_PREFIX}.cudnn`, entry.cudnn],
    [`${LABEL_PREFIX}.python`, entry.python],
    [`${LABEL_PREFIX}.min-driver`, entry.minDriver],
    [`${LABEL_PREFIX}.key`, entry.key],
    [`${LABEL_PREFIX}.content-hash`, contentHash],
  ];
  return labels.filter((l): l is [string, string] => l[1] !== null);
}

/**
 * The entry's tags: its own tag under the image, then the extra tag templates. A prefix (tag-prefix,
 * e.g. "pr-12-" for a pull request) goes before the tag part of each of them, so that a build asked to
 * write scoped tags never writes a release tag; the content tag and the cache refs are not made here.
 */
/** The run placeholders a tag template names that this run has no value for ({pr} on a push). */
export function missingRunValues(template: string, run: RunValues = {}): string[] {
  return RUN_PLACEHOLDERS.filter((p) => template.includes(`{${p}}`) && !run[p]);
}

/** Why each tag line left out of this run is left out, to say once per run. */
export function leftOutTagLines(templates: string[], run: RunValues = {}): string[] {
  return templates.flatMap((t, i) => {
    const missing = missingRunValues(t, run);
    return missing.length
      ? [`tags line ${i + 1} (${t}) is not written in this run: it has no ${missing.map((p) => `{${p}}`).join(', ')}`]
      : [];
  });
}

/**
 * Two entries of one run that would write the same tag (a line such as {torchMinor}-{ref} over
 * several CUDA variants): the last push would win, so it is refused before anything builds. A
 * fan-out job sees one entry; aliases are the way to point one tag at one entry of many.
 */
export function checkTagsDistinct(entries: MatrixEntry[], options: BuildOptions, run: RunValues = {}): void {
  const writer = new Map<string, string>();
  for (const e of entries) {
    for (const ref of entryTags(e, options.repository, options.tags, entries.length, options.tagPrefix, run)) {
      const before = writer.get(ref);
      if (before && before !== e.tag) {
        throw new UserError(
          `${ref} would be written by entries ${before} and ${e.tag}: a tags line must name what tells entries apart ` +
            `({tag}, or {cuda} and {python} beside {torchMinor}); to point one moving tag at one entry, use aliases`,
        );
      }
      writer.set(ref, e.tag);
    }
  }
}

export function entryTags(
  entry: MatrixEntry,
  repo: Repository,
  templates: string[],
  entryCount: number,
  prefix = '',
  run: RunValues = {},
): string[] {
  const what = (field: string): string => (prefix ? `${field} with tag-prefix ${quote(prefix)}` : field);
  const tags = [taggedReference(repo, `${prefix}${entry.tag}`, what('matrix tag'))];
  templates.forEach((template, i) => {
    if (entryCount > 1 && !/\{\w+\}/.test(template)) {
      throw new UserError(
        `tags line ${i + 1}: ${quote(template)} has no placeholder, so all ${entryCount} entries would push to the same tag; ` +
          `add one such as {tag} (e.g. ${template.includes(':') ? `${template}-{tag}` : `{tag}-${template}`})`,
      );
    }
    // A run placeholder this run has no value for ({pr} on a push): the line is not for this run.
    if (missingRunValues(template, run).length) return;
    const rendered = renderPlaceholders(template, entry, run as Record<string, string>);
    const field = `tags line ${i + 1}`;
    const ref = /[:/]/.test(rendered)
      ? (() => {
          const { repo: r, tag } = parseTaggedReference(rendered, field);
          return taggedReference(r, `${prefix}${tag}`, what(field));
        })()
      : taggedReference(repo, `${prefix}${rendered}`, what(field));
    if (!tags.includes(ref)) tags.push(ref);
  });
  // Aliases the plan gave this entry (latest, 2.8-cuda12, ...): moved with its tags.
  for (const alias of entry.aliases ?? []) {
    const ref = taggedReference(repo, `${prefix}${alias}`, what(`alias ${alias}`));
    if (!tags.includes(ref)) tags.push(ref);
  }
  return tags;
}

/**
 * The content hash: the entry's key plus everything that goes into the build
 * (Dockerfile text, the context's files, build-args, the user's labels). Two
 * builds with the same hash build the same thing, so the second can be skipped.
 * Timestamps and the commit id are left out on purpose: they change on every
 * run without changing what is built.
 */
export function contentHash(parts: {
  entry: MatrixEntry;
  dockerfile: string;
  contextDigest: string;
  buildArgs: [string, string][];
  userLabels: [string, string][];
  /** attestationHashPart: absent or null when none are asked for, so earlier hashes stay what they were */
  attestations?: string | null;
  /** compressionHashPart: absent or null for gzip's default */
  compression?: string | null;
}): string {
  const sorted = (pairs: [string, string][]): [string, string][] => [...pairs].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const canonical = JSON.stringify([
    CONTENT_VERSION,
    parts.entry.key,
    parts.dockerfile,
    parts.contextDigest,
    sorted(parts.buildArgs),
    sorted(parts.userLabels),
    // An attested image is another thing to push (an index with its attestations): its own content tag.
    ...(parts.attestations ? [parts.attestations] : []),
    // zstd layers are other bytes than gzip ones: another artifact, another content tag.
    ...(parts.compression ? [parts.compression] : []),
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The cache scope of an entry: its key without what it adds to the image, plus its tag-suffix. */
export function cacheScopeKey(entry: MatrixEntry): string {
  if (!entry.customisation) return entry.key;
  // baseImage is the base-image template filled in: a different base is a different scope.
  return `${entryKey(identityOf(entry))}${entry.customisation.tagSuffix ? `-${entry.customisation.tagSuffix}` : ''}`;
}

export function cachePlan(
  backend: CacheBackend,
  options: {
    push: boolean;
    repo: Repository;
    primaryTag: string;
    supportsIgnoreError: boolean;
    tempDir: string;
    /** the buildx builder's driver: `docker` exports inline cache only */
    driver?: string | null;
    /** a fan-out job's one platform: its cache is its own (the other platforms' jobs would overwrite it) */
    platform?: Platform;
  },
  entry: MatrixEntry,
  hash: string,
): CachePlan {
  // buildx refuses every --cache-to but inline on the docker driver ("Cache export is not supported for
  // the docker driver", build/opt.go, docker/buildx v0.36); importing from a registry still works.
  const inlineOnly = options.driver === 'docker';
  let chosen = backend === 'auto' ? (options.push ? (inlineOnly ? 'inline' : 'registry') : 'none') : backend;
  let note: string | undefined;
  if (inlineOnly && (chosen === 'registry' || chosen === 'gha' || chosen === 'local')) {
    note =
      `the builder uses the docker driver, which cannot export a ${chosen} cache: using inline cache (the image carries it) instead; ` +
      'for registry, gha or local caches, create a builder with the docker-container driver (docker/setup-buildx-action does)';
    chosen = 'inline';
  }
  if (note === undefined && backend === 'auto' && inlineOnly && options.push) {
    note = 'cache auto with the docker driver: inline cache (the docker driver exports no other)';
  }
  const withNote = <T extends CachePlan>(plan: T): T => (note ? { ...plan, note } : plan);
  const ignore = options.supportsIgnoreError ? ',ignore-error=true' : '';
  // Every backend is scoped per matrix cell, so parallel matrix jobs never share (or overwrite) a
  // cache. The scope leaves out what the image adds (apt-packages, ...), so changing those reuses the
  // cached layers below them; variants (tag-suffix) keep scopes of their own.
  const cell = `${cacheScopeKey(entry)}${options.platform ? `-${platformSlug(options.platform)}` : ''}`;
  const scope = `gim-${cell}`;
  switch (chosen) {
    case 'registry': {
      const ref = `${repositoryName(options.repo)}:buildcache-${cell}`;
      // A build that does not push (a fork's pull request) reads the shared cache but never writes
      // it: a runner with a docker login left over would otherwise let it replace what later builds trust.
      if (!options.push) {
        return {
          backend: chosen,
          from: [`type=registry,ref=${ref}`],
          to: [],
          note: `push is false: the registry cache ${ref} is read, not written`,
        };
      }
      return { backend: chosen, from: [`type=registry,ref=${ref}`], to: [`type=registry,ref=${ref},mode=max${ignore}`] };
    }
    case 'gha':
      return { backend: chosen, from: [`type=gha,scope=${scope}`], to: [`type=gha,scope=${scope},mode=max${ignore}`] };
    case 'local': {
      const dir = `${options.tempDir}/gim-cache/${cell}`;
      const exportDir = `${dir}.new`;
      return {
        backend: chosen,
        from: [`type=local,src=${dir}`],
        to: [`type=local,dest=${exportDir},mode=max${ignore}`],
        local: { dir, exportDir, key: `gpu-image-matrix-${cell}-${hash.slice(0, 16)}`, restoreKeys: [`gpu-image-matrix-${cell}-`] },
      };
    }
    case 'inline':
      return withNote({ backend: chosen, from: [`type=registry,ref=${options.primaryTag}`], to: ['type=inline'] });
    case 'none':
      return { backend: chosen, from: [], to: [] };
  }
}

export function planEntryBuild(
  entry: MatrixEntry,
  options: BuildOptions,
  inputs: {
    dockerfile: string;
    contextDigest: string;
    entryCount: number;
    supportsIgnoreError: boolean;
    driver?: string | null;
    /** the base image's digest FROM is pinned to, when it was looked up */
    baseDigest?: string | null;
  },
  env: BuildEnvironment,
): EntryBuild {
  const fromEntry = entryBuildArgs(entry);
  const reserved = new Set(fromEntry.map(([k]) => k));
  for (const [key] of options.buildArgs) {
    if (reserved.has(key)) {
      throw new UserError(
        `build-args: ${key} is set from each matrix entry and cannot be overridden; entry build-args: ${[...reserved].join(', ')}` +
          (key === 'TORCH_CUDA_ARCH_LIST' ? '; set the architectures of devel entries with cuda-arch-list' : ''),
      );
    }
  }
  const buildArgs = [...fromEntry, ...options.buildArgs];
  const hash = contentHash({
    entry,
    dockerfile: inputs.dockerfile,
    contextDigest: inputs.contextDigest,
    buildArgs,
    userLabels: options.labels,
    attestations: attestationHashPart(options.attestations),
    compression: compressionHashPart(options.compression),
  });
  const tags = entryTags(entry, options.repository, options.tags, inputs.entryCount, options.tagPrefix, env.run);
  const contentTag = taggedReference(options.repository, `gim-${entry.key}-${hash.slice(0, 16)}`, 'content tag');
  const platforms = platformsOf(entry);
  if (options.platform && !platforms.includes(options.platform)) {
    throw new UserError(`platform: ${options.platform} is not one of entry ${entry.tag}'s platforms (${platforms.join(', ')})`);
  }
  const labels = [...entryLabels(entry, env, hash, inputs.baseDigest ?? null), ...options.labels];
  const cache = cachePlan(
    options.cache,
    {
      push: options.push,
      repo: options.repository,
      primaryTag: tags[0] as string,
      supportsIgnoreError: inputs.supportsIgnoreError,
      tempDir: env.tempDir,
      driver: inputs.driver ?? null,
      ...(options.platform ? { platform: options.platform } : {}),
    },
    entry,
    hash,
  );
  const one = options.platform
    ? { platforms: [options.platform], platformTag: platformTagOf(contentTag, options.platform) }
    : { platforms };
  return { entry, tags, contentTag, contentHash: hash, buildArgs, labels, cache, ...one };
}

/** Where a fan-out job pushes one platform of an entry: its content tag plus the platform ("...-linux-arm64"). */
export function platformTagOf(contentTag: string, platform: Platform): string {
  return `${contentTag}-${platformSlug(platform)}`;
}
