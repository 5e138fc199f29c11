import semver from 'semver';
import type { EntryBuild } from './build-plan.js';
import { NO_ATTESTATIONS, attestationFlags, attests, type Attestations } from './attestations.js';
import { DEFAULT_COMPRESSION, compressionAttributes, isDefaultCompression, type Compression } from './compression.js';

/**
 * The docker argv for a build, in one place. Pure: takes the planned build and
 * the tool versions found, returns argument arrays (never a shell string).
 */

export interface ToolVersions {
  /** buildx version ("0.29.1"); null when docker has no buildx */
  buildx: string | null;
  /** the builder's BuildKit version ("0.25.2"); null when unknown */
  buildkit: string | null;
  /** the builder's driver: docker, docker-container, kubernetes or remote; absent or null when unknown */
  driver?: string | null;
}

/** Strip build metadata and a leading v: "v0.29.1+ds1" -> "0.29.1". */
export function cleanVersion(text: string | null | undefined): string | null {
  if (!text) return null;
  const v = semver.coerce(text.replace(/^v/, ''), { includePrerelease: false });
  return v ? v.version : null;
}

function atLeast(version: string | null, min: string): boolean {
  const v = cleanVersion(version);
  return v !== null && semver.gte(v, min);
}

export const FEATURES = {
  /** --metadata-file: buildx 0.6 */
  metadataFile: (v: ToolVersions) => atLeast(v.buildx, '0.6.0'),
  /**
   * --provenance/--sbom: buildx 0.10 (attestations make manifests lists with unknown/unknown entries;
   * digests stay comparable without them)
   */
  attestationFlags: (v: ToolVersions) => atLeast(v.buildx, '0.10.0'),
  /** ignore-error on --cache-to: BuildKit 0.11, so a failing cache export does not fail the build */
  cacheIgnoreError: (v: ToolVersions) => atLeast(v.buildkit, '0.11.0'),
  /** rewrite-timestamp on the image/oci exporters, with the push fix: BuildKit 0.14.1 */
  rewriteTimestamp: (v: ToolVersions) => atLeast(v.buildkit, '0.14.1'),
};

export interface BuildInvocation {
  build: EntryBuild;
  builder?: string;
  /** path of the Dockerfile to build */
  file: string;
  context: string;
  push: boolean;
  /** load the result into the docker daemon (when not pushing) */
  load: boolean;
  metadataFile: string;
  /** exporters instead of --push/--load (the reproducibility check builds into OCI layouts) */
  outputs?: string[];
  /** build without any cache (no builder cache, no cache import) */
  noCache?: boolean;
  /** --secret arguments (secretArgs); their values travel in the environment, never here */
  secretArgs?: string[];
  /** attestations to push with the image; none when absent (and always none for load or OCI layouts) */
  attestations?: Attestations;
  /** how pushed layers (and OCI layouts) are compressed; gzip's default when absent */
  compression?: Compression;
}

export function buildxArgs(inv: BuildInvocation, versions: ToolVersions): string[] {
  const { build } = inv;
  const args = ['buildx', 'build'];
  if (inv.builder) args.push('--builder', inv.builder);
  args.push('--progress', 'plain', '--file', inv.file);
  if (FEATURES.metadataFile(versions)) args.push('--metadata-file', inv.metadataFile);
  if (FEATURES.attestationFlags(versions)) args.push(...attestationFlags(inv.attestations ?? NO_ATTESTATIONS));
  // Always named: an entry says what it is built for, whatever the runner's own platform is.
  args.push('--platform', build.platforms.join(','));
  for (const [k, v] of build.buildArgs) args.push('--build-arg', `${k}=${v}`);
  for (const [k, v] of build.labels) args.push('--label', `${k}=${v}`);
  args.push(...(inv.secretArgs ?? []));
  if (inv.outputs) {
    for (const output of inv.outputs) args.push('--output', output);
  } else if (build.platformTag) {
    // One platform of a fan-out: only its own tag; merge writes the entry's tags over the index.
    args.push('--tag', build.platformTag);
  } else {
    for (const tag of build.tags) args.push('--tag', tag);
    if (inv.push) args.push('--tag', build.contentTag);
  }
  if (inv.noCache) args.push('--no-cache');
  else {
    for (const from of build.cache.from) args.push('--cache-from', from);
    for (const to of build.cache.to) args.push('--cache-to', to);
  }
  if (!inv.outputs) {
    // --push is the registry exporter; compression other than the default is an attribute of it.
    const compression = compressionAttributes(inv.compression ?? DEFAULT_COMPRESSION);
    if (inv.push) args.push(...(compression ? ['--output', `type=registry${compression}`] : ['--push']));
    else if (inv.load) args.push('--load');
  }
  args.push(inv.context);
  return args;
}

/**
 * Without buildx: `DOCKER_BUILDKIT=1 docker build`, then `docker push` per tag.
 * Only inline cache of the final image's layers is possible (no cache export,
 * no mode=max, no registry/gha/local backends), and there is no metadata file.
 */
export function dockerBuildArgs(inv: BuildInvocation): { env: Record<string, string>; build: string[]; pushes: string[][] } {
  const { build } = inv;
  const args = ['build', '--progress', 'plain', '--file', inv.file, '--platform', build.platforms.join(',')];
  for (const [k, v] of build.buildArgs) args.push('--build-arg', `${k}=${v}`);
  args.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
  for (const [k, v] of build.labels) args.push('--label', `${k}=${v}`);
  const tags = build.platformTag ? [build.platformTag] : inv.push ? [...build.tags, build.contentTag] : build.tags;
  for (const tag of tags) args.push('--tag', tag);
  if (build.cache.backend !== 'none') args.push('--cache-from', build.tags[0] as string);
  args.push(inv.context);
  return { env: { DOCKER_BUILDKIT: '1' }, build: args, pushes: inv.push ? tags.map((t) => ['push', t]) : [] };
}

/**
 * What the requested build needs that the tools found lack (docker build without buildx takes no
 * secrets, exporter attributes or attestation flags), as one clause; null when nothing.
 */
export function buildxLacks(
  options: { attestations: Attestations; compression: Compression; secrets: readonly unknown[]; push: boolean },
  versions: ToolVersions,
): string | null {
  const needs = [
    ...(options.secrets.length ? ['build secrets (secrets, secret-files)'] : []),
    ...(isDefaultCompression(options.compression) ? [] : ['compression other than gzip']),
  ];
  const attested = options.push && attests(options.attestations);
  if (!versions.buildx) {
    if (attested) needs.push('attestations (provenance, sbom)');
    return needs.length ? `${needs.join(', ')} need docker buildx, which was not found` : null;
  }
  return attested && !FEATURES.attestationFlags(versions) ? 'attestations (provenance, sbom) need buildx 0.10 or newer' : null;
}

/** What a build without buildx loses, said once per run. */
export const NO_BUILDX_WARNING =
  'docker buildx was not found: building with DOCKER_BUILDKIT=1 docker build instead. Lost: ' +
  'the registry, gha and local cache backends (only inline cache of the final image is used), ' +
  'cache mode=max, build metadata. Install buildx (docker/setup-buildx-action) for cached rebuilds.';
