import type { ReleaseData } from '../frameworks/index.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { secretArgs } from '../image/secrets.js';
import { runValues } from '../image/run-values.js';
import { RUN_PLACEHOLDERS } from '../inputs/placeholders.js';
import { attests } from '../image/attestations.js';
import {
  FEATURES,
  NO_BUILDX_WARNING,
  buildxArgs,
  buildxLacks,
  dockerBuildArgs,
  type BuildInvocation,
  type ToolVersions,
} from '../image/buildx.js';
import {
  checkTagsDistinct,
  leftOutTagLines,
  planEntryBuild,
  platformTagOf,
  type BuildEnvironment,
  type EntryBuild,
} from '../image/build-plan.js';
import {
  DOCKER_LIST,
  DOCKER_MANIFEST,
  OCI_INDEX,
  attestationsOf,
  indexPlatforms,
  ociIndex,
  readManifest,
  type IndexChild,
  type IndexItem,
} from '../image/manifest.js';
import { architectureOf, isDefaultPlatforms, nativePlatform, type Platform } from '../matrix/platform.js';
import { platformsOf } from '../matrix/entry.js';
import type { BuildOptions } from '../image/options.js';
import { describeFailure, diagnoseFailure, summariseSteps } from '../image/progress.js';
import { templateCannotBuild } from '../template/dockerfile.js';
import { parseTaggedReference, type Repository } from '../image/reference.js';
import { backoffMs, isCacheFailure, isTransient } from '../image/retry.js';
import { actionsCacheAvailable, restoreDir, saveDir } from '../effects/actions-cache.js';
import {
  checkCustomisationFits,
  dockerfileFor,
  lookUpBaseImage,
  readBuildSource,
  type BaseLookup,
  type EntrySource,
} from '../effects/build-source.js';
import { detectTools } from '../effects/docker.js';
import { baseImageBytes, builderDiskProbe } from '../effects/disk.js';
import { DiskGate, diskNeed, type DiskSlot } from '../image/disk.js';
import { layerScanDir, restoreLayerScans, saveLayerScans } from '../effects/layer-scan-cache.js';
import { scanLibraries, type LayerMemo } from '../effects/library-scan.js';
import { registryImage } from '../effects/oci.js';
import type { DuplicateLibrary } from '../image/libraries.js';
import { formatSize } from '../report/format.js';
import { execCapture } from '../effects/exec.js';
import { commitTime, headCommit } from '../effects/git.js';
import { eventPullRequest, tempRoot } from '../effects/files.js';
import { RegistryClient, type Manifest, type ManifestHead } from '../effects/registry.js';
import type { MatrixEntry } from '../frameworks/index.js';
import type { Plan } from '../matrix/resolve.js';
import type { Log, Runtime } from '../runtime.js';
import type { Verifier } from './verify.js';

/**
 * `build`: for each planned entry, skip it when its content-addressed tag is
 * already in the registry, else build it with buildx (cached, retried on
 * transient errors) and push it. One entry's failure does not stop the others
 * unless fail-fast is set.
 */

export type EntryStatus = 'built' | 'skipped' | 'failed' | 'cancelled';

/** One row of the `images` output. */
export interface ImageResult {
  tag: string;
  key: string;
  status: EntryStatus;
  tags: string[];
  contentTag: string;
  digest: string | null;
  imageId: string | null;
  /**
   * compressed bytes (config + layers) as the registry holds them; null when not pushed, and for a
   * skipped entry whose manifest was not read (reading it is a pull on Docker Hub, not worth a size)
   */
  size: number | null;
  /**
   * shared libraries the pushed image holds under two paths (input duplicate-scan), largest waste first,
   * at most MAX_REPORTED_DUPLICATES; for an entry of several platforms, its first platform's (each platform row has its own).
   * null when not scanned: not pushed, up to date, the scan turned off or failed
   */
  duplicates: DuplicateLibrary[] | null;
  /** uncompressed bytes every duplicated library wastes, those left out of `duplicates` included; null when not scanned */
  duplicateBytes: number | null;
  seconds: number;
  /**
   * per platform, for an entry built for several (or one other than linux/amd64): the image the
   * index holds for it; absent for a plain linux/amd64 image
   */
  platforms?: PlatformImage[];
  cachedSteps: number | null;
  totalSteps: number | null;
  cache: string;
  attempts: number;
  error?: string;
}

export interface PlatformImage {
  platform: string;
  digest: string;
  /** compressed bytes (config + layers); null when not read */
  size: number | null;
  duplicates?: DuplicateLibrary[] | null;
  duplicateBytes?: number | null;
}

/**
 * With a verifier, an entry that is not up to date is verified before it is built, and fails there if
 * it cannot build. In `merge` mode nothing is built: each entry's platform images, pushed by fan-out
 * jobs (input platform), are joined into one index under the entry's tags.
 */
export async function buildCommand(
  plan: Plan,
  options: BuildOptions,
  rt: Runtime,
  verifier?: Verifier,
  mode: 'build' | 'merge' = 'build',
  data?: ReleaseData,
): Promise<ImageResult[]> {
  // Once per input, not per entry: what the input parsers changed (capitals lowercased).
  for (const notice of options.notices) rt.log.info(notice);
  const scratch = mkdtempSync(path.join(tempRoot(rt.env), 'gim-build-'));
  try {
    // Asked only when an entry has to be built: a re-run where everything is up to date runs no docker at all.
    // One detection however many entries ask at once (parallel builds).
    let tools: ToolVersions | undefined;
    let detecting: Promise<ToolVersions> | undefined;
    const toolsNow = (): Promise<ToolVersions> =>
      (detecting ??= (async () => {
        const found = await detectTools(rt.docker, options.builder, rt.env);
        if (!found.buildx) rt.log.warning(NO_BUILDX_WARNING);
        else
          rt.log.info(
            `buildx ${found.buildx}, BuildKit ${found.buildkit ?? 'unknown'}${options.builder ? `, builder ${options.builder}` : ''}`,
          );
        const emulated = emulatedPlatforms(plan.include, options.platform, process.arch);
        if (emulated.length) {
          rt.log.warning(
            `${emulated.join(', ')} is built under emulation on this ${nativePlatform(process.arch) ?? process.arch} runner (QEMU): ` +
              "its RUN steps are several times slower (5x for an apt install here, BENCHMARKS.md), which a CUDA image's " +
              'install feels; build it on a runner of that platform (input platform, then command merge; or the ' +
              "reusable workflow's arm64-builds: native)",
          );
        }
        if (options.cache === 'local' && !actionsCacheAvailable()) {
          rt.log.warning('cache: local needs the Actions cache service (ACTIONS_CACHE_URL); building without a cache');
        }
        tools = found;
        return found;
      })());

    // the template renders from the data the plan was made with (a compat-file's release, a nightly)
    const source = { ...readBuildSource(options, rt.baseDir, scratch), ...(data ? { data } : {}) };
    checkCustomisationFits(source, plan.include);
    const env = await buildEnvironment(rt, scratch, options);
    for (const line of leftOutTagLines(options.tags, env.run)) rt.log.info(line);
    checkTagsDistinct(plan.include, options, env.run);
    let created: Promise<string> | undefined;
    const createdOnce = (): Promise<string> => (created ??= creationTime(rt));
    const registry = new RegistryClient(rt.env, options.retries, rt.mask, undefined, (m) => rt.log.warning(m));
    // The run's log, not an entry's prefixed one: a scan may end after its entry's group has closed (its line
    // then shows in the next entry's group, and names its own entry).
    const layers: LayerScans = {
      memo: new Map(),
      pending: [],
      log: rt,
      read: 0,
      cacheDir: actionsCacheAvailable(rt.env) ? layerScanDir(env.tempDir) : null,
      cacheTimeoutMs: options.cacheTimeoutSeconds * 1000,
    };
    // What the embedded template cannot build fails before any lookup or docker work.
    const unbuildable = new Map<string, string>();
    if (source.dockerfile === null) {
      for (const e of plan.include) {
        const why = templateCannotBuild(e);
        if (why) unbuildable.set(e.key, why);
      }
    }
    const toLookUp = plan.include.filter((e) => !unbuildable.has(e.key));
    const bases = source.dockerfile === null ? await lookUpBaseImages(toLookUp, registry, rt.log) : new Map<string, BaseLookup>();
    for (const [name, lookup] of bases) {
      if ('digest' in lookup && lookup.digest) verifier?.know(name, { exists: true, digest: lookup.digest });
      else if ('warning' in lookup && lookup.warning) verifier?.know(name, { unknown: lookup.warning });
    }
    // Disk: measured once the first entry has to be built (an up-to-date re-run runs no docker at all).
    let gate: Promise<DiskGate | null> | undefined;
    const diskGate = (t: ToolVersions): Promise<DiskGate | null> =>
      (gate ??= builderDiskProbe(rt.docker, t.driver, rt.env).then((probe) => {
        if ('unknown' in probe) {
          rt.log.info(`disk: not checked before building: ${probe.unknown}`);
          return null;
        }
        return new DiskGate(probe);
      }));
    const baseBytes = new Map<string, Promise<number | null>>();
    const results: ImageResult[] = new Array(plan.include.length);
    let stop = false;
    let next = 0;
    // Entries are taken in plan order by `parallel` workers; results keep the plan's order.
    // Several at once cannot share log groups, so each line then carries its entry's tag.
    const concurrent = Math.min(options.parallel, plan.include.length);
    const worker = async (): Promise<void> => {
      while (next < plan.include.length) {
        const index = next++;
        const entry = plan.include[index] as MatrixEntry;
        if (stop || rt.signal?.aborted) {
          results[index] = cancelled(entry);
          continue;
        }
        if (options.platform && !platformsOf(entry).includes(options.platform)) {
          // A fan-out job of one platform: an entry not built for it is another job's (or none's).
          rt.log.info(
            `${entry.tag}: not built for ${options.platform} (its platforms: ${platformsOf(entry).join(', ')}); nothing to do here`,
          );
          results[index] = emptyResult(entry, 'skipped', { error: `not built for ${options.platform}` });
          continue;
        }
        const base = bases.get(entry.baseImage);
        const cannot = unbuildable.get(entry.key) ?? (base && 'error' in base ? base.error : undefined);
        if (cannot) {
          rt.log.error(`${entry.tag}: not built: ${cannot}`);
          results[index] = emptyResult(entry, 'failed', { error: cannot });
          if (options.failFast) stop = true;
          continue;
        }
        const entryDir = mkdtempSync(path.join(scratch, `${entry.key}-`));
        const baseDigest = base && 'digest' in base ? base.digest : null;
        const entrySource = dockerfileFor(source, entry, entryDir, baseDigest);
        const planFor = (t: ToolVersions | undefined): EntryBuild =>
          planEntryBuild(
            entry,
            options,
            {
              dockerfile: entrySource.text,
              contextDigest: entrySource.contextDigest,
              entryCount: plan.include.length,
              supportsIgnoreError: t ? FEATURES.cacheIgnoreError(t) : false,
              driver: t?.driver ?? null,
              baseDigest,
            },
            env,
          );
        const entryRt = concurrent > 1 ? { ...rt, log: prefixed(rt.log, entry.tag) } : rt;
        // The template's base, looked up by digest: its layers are the floor of what the build writes.
        const disk = async (t: ToolVersions, say: (line: string) => void): Promise<DiskSlot | null> => {
          if (!baseDigest) return null;
          const g = await diskGate(t);
          if (!g) return null;
          const id = `${entry.baseImage}@${baseDigest} ${platformsOf(entry).join(',')}`;
          if (!baseBytes.has(id)) baseBytes.set(id, baseImageBytes(entry, baseDigest, registry));
          const bytes = await baseBytes.get(id);
          return bytes ? g.acquire(entry, diskNeed(bytes), say) : null;
        };
        // The creation time is asked of git only when an entry is built (a skipped re-run runs no process).
        const planForBuild = async (t: ToolVersions): Promise<EntryBuild> => {
          env.created = await createdOnce();
          return planFor(t);
        };
        const result = await entryRt.log.group(`${entry.tag}`, () =>
          mode === 'merge'
            ? mergeImage(planFor(tools), options, registry, entryRt, layers)
            : buildImage(planFor(tools), planForBuild, entrySource, entryDir, options, toolsNow, registry, entryRt, verifier, layers, disk),
        );
        results[index] = result;
        if (result.status === 'failed' && options.failFast) stop = true;
      }
    };
    await Promise.all(Array.from({ length: concurrent }, worker));
    // scanPushed never rejects: a failed scan is a warning in the entry's result.
    await Promise.all(layers.pending);
    if (layers.cacheDir && layers.read > 0 && !rt.signal?.aborted) {
      const key = await saveLayerScans(layers.cacheDir, layers.memo, rt.log, layers.cacheTimeoutMs);
      if (key) rt.log.info(`duplicate scan: the layers read are kept for the next run (Actions cache ${key})`);
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every distinct base image of the template's entries, looked up once, before anything builds. */
export async function lookUpBaseImages(entries: MatrixEntry[], registry: RegistryClient, log: Log): Promise<Map<string, BaseLookup>> {
  const names = [...new Set(entries.map((e) => e.baseImage))];
  const found = await Promise.all(names.map((name) => lookUpBaseImage(name, registry)));
  const map = new Map<string, BaseLookup>();
  names.forEach((name, i) => {
    const lookup = found[i] as BaseLookup;
    if ('warning' in lookup && lookup.warning) log.warning(lookup.warning);
    else if ('digest' in lookup && lookup.digest) log.info(`base image ${name}: ${lookup.digest}`);
    map.set(name, lookup);
  });
  return map;
}

/** The platforms a build of these entries runs under emulation here: those not this machine's own. */
export function emulatedPlatforms(entries: MatrixEntry[], only: Platform | undefined, arch: string): Platform[] {
  const native = nativePlatform(arch);
  const wanted = new Set(only ? [only] : entries.flatMap((e) => platformsOf(e)));
  return [...wanted].filter((p) => p !== native);
}

/** A log for one of several entries built at once: no groups, every line tagged with its entry. */
function prefixed(log: Log, tag: string): Log {
  return {
    info: (m) => log.info(`[${tag}] ${m}`),
    warning: (m) => log.warning(`[${tag}] ${m}`),
    error: (m) => log.error(`[${tag}] ${m}`),
    group: (_name, fn) => fn(),
    untrusted: (line) => log.untrusted(`[${tag}] ${line}`),
  };
}

/**
 * When the image was made, for org.opencontainers.image.created: SOURCE_DATE_EPOCH, else the commit
 * time of HEAD (as repro dates its builds), else the clock. The wall clock made every rebuild of a
 * commit a new digest.
 */
async function creationTime(rt: Runtime): Promise<string> {
  const e = rt.env;
  if (e.SOURCE_DATE_EPOCH && /^\d{1,11}$/.test(e.SOURCE_DATE_EPOCH)) return new Date(Number(e.SOURCE_DATE_EPOCH) * 1000).toISOString();
  const commit = await commitTime(rt.baseDir, rt.env);
  return (commit !== null ? new Date(commit * 1000) : rt.now()).toISOString();
}

async function buildEnvironment(rt: Runtime, scratch: string, options: BuildOptions): Promise<BuildEnvironment> {
  const e = rt.env;
  // created is filled in before an entry is built (creationTime)
  const env: BuildEnvironment = { created: '', tempDir: e.RUNNER_TEMP || scratch };
  if (e.GITHUB_SERVER_URL && e.GITHUB_REPOSITORY) env.sourceUrl = `${e.GITHUB_SERVER_URL}/${e.GITHUB_REPOSITORY}`;
  if (e.GITHUB_SHA) env.revision = e.GITHUB_SHA;
  // The run's values for tag templates, read only when a template asks for one (no git process otherwise).
  if (options.tags.some((t) => RUN_PLACEHOLDERS.some((p) => t.includes(`{${p}}`)))) {
    env.run = runValues({
      sha: e.GITHUB_SHA || (await headCommit(rt.baseDir, e)),
      ref: e.GITHUB_REF || null,
      pullRequest: eventPullRequest(e),
      now: rt.now(),
    });
  }
  return env;
}

/** A result with nothing done yet; each outcome fills in what it knows. */
function emptyResult(entry: MatrixEntry, status: EntryStatus, fields: Partial<ImageResult> = {}): ImageResult {
  return {
    tag: entry.tag,
    key: entry.key,
    status,
    tags: [],
    contentTag: '',
    digest: null,
    imageId: null,
    size: null,
    duplicates: null,
    duplicateBytes: null,
    seconds: 0,
    cachedSteps: null,
    totalSteps: null,
    cache: 'none',
    attempts: 0,
    ...fields,
  };
}

function cancelled(entry: MatrixEntry): ImageResult {
  return emptyResult(entry, 'cancelled', { error: 'not built: an earlier entry failed and fail-fast is set' });
}

async function buildImage(
  planned: EntryBuild,
  planFor: (tools: ToolVersions) => Promise<EntryBuild>,
  source: EntrySource,
  entryDir: string,
  options: BuildOptions,
  toolsNow: () => Promise<ToolVersions>,
  registry: RegistryClient,
  rt: Runtime,
  verifier: Verifier | undefined,
  layers: LayerScans,
  disk: (tools: ToolVersions, say: (line: string) => void) => Promise<DiskSlot | null>,
): Promise<ImageResult> {
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 100) / 10;
  let build = planned;
  const base = resultBase(build);
  const { repo } = parseTaggedReference(build.contentTag, 'content tag');

  // 1. Already built? A HEAD for the content tag and one per requested tag to check where it points:
  // no GET (a pull on Docker Hub) unless a tag has to be moved, or the registry leaves the digest out.
  if (options.skipExisting) {
    try {
      const done = await alreadyBuilt(build, options, registry, rt);
      if (done) return { ...base, ...done, status: 'skipped', seconds: seconds() };
    } catch (err) {
      rt.log.warning(`could not check the registry for ${build.contentTag} (${(err as Error).message}); building`);
    }
  }

  // 2. Verify: every wheel and image this entry needs exists, before any docker work.
  if (verifier) {
    const [verdict] = await verifier.verify([build.entry]);
    if (verdict) {
      rt.log.info(`verify: ${verdict.status} (${verdict.confirmed} of ${verdict.checked} wheels and images found)`);
      // Names in these come from indexes and registries: printed as untrusted lines.
      for (const w of verdict.warnings) rt.log.untrusted(`verify: warning: ${w}`);
      if (verdict.status === 'missing') {
        const error = `not built: verify found that it cannot build: ${verdict.missing.join('; ')}`;
        for (const m of verdict.missing) rt.log.untrusted(`verify: missing: ${m}`);
        rt.log.error(`${build.entry.tag}: not built: verify found ${verdict.missing.length} thing(s) it needs missing (listed above)`);
        return { ...base, error, seconds: seconds() };
      }
    }
  }

  // 3. Build, with the cache restored first for the local backend.
  const tools = await toolsNow();
  const lacking = buildxLacks(options, tools);
  if (lacking) {
    const error = `not built: ${lacking}; install a current buildx (docker/setup-buildx-action)`;
    rt.log.error(`${build.entry.tag}: ${error}`);
    return { ...base, error, seconds: seconds() };
  }
  build = await planFor(tools);
  if (build.cache.note) {
    // said once per entry: asked for explicitly, it needs action; chosen by auto, it is information
    if (options.cache === 'auto') rt.log.info(build.cache.note);
    else rt.log.warning(build.cache.note);
  }
  const local = build.cache.local;
  let restoredKey: string | null = null;
  if (local && actionsCacheAvailable()) {
    rmSync(local.dir, { recursive: true, force: true });
    rmSync(local.exportDir, { recursive: true, force: true });
    mkdirSync(local.dir, { recursive: true });
    restoredKey = await restoreDir(local.dir, local.key, local.restoreKeys, rt.log, options.cacheTimeoutSeconds * 1000);
    rt.log.info(restoredKey ? `cache restored from ${restoredKey}` : 'no cache to restore');
  }
  const metadataFile = path.join(entryDir, 'metadata.json');
  // docker's own image store holds one platform of an image: a multi-platform build that is not
  // pushed proves that every platform builds, and stays in the builder's cache.
  const loadable = build.platforms.length === 1;
  if (!options.push && !loadable) {
    rt.log.warning(
      `push is false and ${build.entry.tag} is built for ${build.platforms.join(', ')}: docker's image store holds one ` +
        'platform of an image, so the result is not loaded (the build still proves that every platform builds); push it, ' +
        'or build one platform (input platform) to load it',
    );
  }
  const invocation: BuildInvocation = {
    build,
    file: source.file,
    context: source.context,
    push: options.push,
    load: !options.push && loadable,
    metadataFile,
    ...(options.builder ? { builder: options.builder } : {}),
  };
  invocation.compression = options.compression;
  // Attestations go with a push: docker's image store cannot hold an attested image (buildx refuses to load one).
  if (options.push) invocation.attestations = options.attestations;
  else if (attests(options.attestations)) {
    rt.log.warning(
      `push is false: ${build.entry.tag} is built without its attestations (provenance, sbom), which only a pushed image carries`,
    );
  }
  // Secret values reach buildx through its own environment only (secretArgs).
  const secrets = secretArgs(options.secrets);
  invocation.secretArgs = secrets.args;

  // 3b. Disk: started when the base image's layers fit beside the builds running, failed now when they cannot fit at all.
  const slot = await disk(tools, (line) => rt.log.info(line));
  if (slot && 'error' in slot) {
    rt.log.error(`${build.entry.tag}: ${slot.error}`);
    return { ...base, error: slot.error, seconds: seconds() };
  }
  let attempts = 0;
  let output = '';
  let code = 1;
  const maxAttempts = 1 + options.retries;
  try {
    while (attempts < maxAttempts) {
      attempts++;
      rmSync(metadataFile, { force: true });
      const res = tools.buildx
        ? await execCapture(rt.docker, buildxArgs(invocation, tools), {
            env: { ...rt.env, ...secrets.env },
            onLine: rt.log.untrusted,
            ...(rt.signal ? { signal: rt.signal } : {}),
          })
        : await dockerBuild(invocation, rt);
      output = res.output;
      code = res.code;
      if (code === 0 || rt.signal?.aborted) break;
      if (build.cache.backend !== 'none' && isCacheFailure(output)) {
        rt.log.warning(`the ${build.cache.backend} cache failed (${diagnoseFailure(output).error}); building again without a cache`);
        build = { ...build, cache: { backend: 'none', from: [], to: [] } };
        invocation.build = build;
        attempts--;
        continue;
      }
      if (attempts < maxAttempts && isTransient(output)) {
        const wait = backoffMs(attempts);
        rt.log.warning(
          `transient failure (attempt ${attempts} of ${maxAttempts}), retrying in ${wait / 1000} s: ${diagnoseFailure(output).error}`,
        );
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      break;
    }
  } finally {
    slot?.release();
  }
  const steps = summariseSteps(output);
  if (code !== 0) {
    const failure = describeFailure(diagnoseFailure(output));
    const why = rt.signal?.aborted ? 'cancelled' : attempts > 1 ? `failed after ${attempts} attempts` : 'failed';
    rt.log.error(`${build.entry.tag}: build ${why}:\n  ${failure}`);
    return {
      ...base,
      status: 'failed',
      cache: build.cache.backend,
      seconds: seconds(),
      attempts,
      cachedSteps: steps.cached,
      totalSteps: steps.total,
      error: failure,
    };
  }

  // 4. What was built: digest and image id from buildx's metadata, size from the registry.
  let digest: string | null;
  let imageId: string | null = null;
  try {
    const meta = JSON.parse(readFileSync(metadataFile, 'utf8')) as Record<string, string>;
    digest = meta['containerimage.digest'] ?? null;
    imageId = meta['containerimage.config.digest'] ?? null;
  } catch {
    digest = /digest: (sha256:[0-9a-f]{64})/.exec(output)?.[1] ?? null;
  }
  let size: number | null = null;
  let platforms: PlatformImage[] | undefined;
  // Worth a GET (a pull on Docker Hub) here, unlike on a skip: one per entry that was just built.
  if (options.push && digest) {
    try {
      const manifest = await registry.get(repo, digest);
      if (manifest) ({ size, platforms } = await imageFacts(repo, manifest, build, registry));
    } catch (err) {
      rt.log.warning(`could not read the pushed manifest: ${(err as Error).message}`);
    }
  }
  if (local && actionsCacheAvailable() && existsSync(local.exportDir)) {
    rmSync(local.dir, { recursive: true, force: true });
    renameSync(local.exportDir, local.dir);
    if (restoredKey !== local.key) await saveDir(local.dir, local.key, rt.log, options.cacheTimeoutSeconds * 1000);
  }
  const what = build.platformTag ? `${build.entry.tag} for ${build.platforms[0]}` : build.entry.tag;
  rt.log.info(`built ${what}: ${steps.cached}/${steps.total} steps cached${digest ? `, ${digest}` : ''}`);
  const result: ImageResult = {
    ...base,
    status: 'built',
    cache: build.cache.backend,
    digest,
    // a multi-platform build has no one image id (the metadata's config digest is one platform's)
    imageId: build.platforms.length === 1 ? imageId : null,
    size,
    ...(platforms ? { platforms } : {}),
    seconds: seconds(),
    attempts,
    cachedSteps: steps.cached,
    totalSteps: steps.total,
  };
  // 5. Libraries the pushed image holds twice, read back from the registry while the next entry builds.
  if (options.push && digest && options.duplicateScan) queueScan(result, repo, digest, build, platforms, registry, layers);
  return result;
}

/**
 * The duplicate scan of a pushed image, run in the background: a report, not a step of the build. It
 * fills `result` in before the command returns.
 */
function queueScan(
  result: ImageResult,
  repo: Repository,
  digest: string,
  build: EntryBuild,
  platforms: PlatformImage[] | undefined,
  registry: RegistryClient,
  layers: LayerScans,
): void {
  layers.pending.push(
    scanPushed(repo, digest, build, platforms, registry, layers).then((found) => {
      Object.assign(result, found.entry);
      if (found.platforms) result.platforms = found.platforms;
    }),
  );
}

/** The duplicate scans of a run: layers remembered across entries, scans still running, where they log. */
interface LayerScans {
  memo: LayerMemo;
  pending: Promise<void>[];
  log: Runtime;
  /** layers read in this run (not remembered): when there are some, the memo is saved for the next run */
  read: number;
  /** where the Actions cache restores and saves the memo; null without an Actions cache service */
  cacheDir: string | null;
  cacheTimeoutMs: number;
  /** the memo restored from an earlier run, once, before the first scan */
  restoring?: Promise<void>;
}

/**
 * The duplicated-library scan of what was just pushed: each platform's image (the one image of a
 * single-platform entry), read from the registry. A failed scan is a warning: the image is pushed and fine.
 */
async function scanPushed(
  repo: Repository,
  digest: string,
  build: EntryBuild,
  platforms: PlatformImage[] | undefined,
  registry: RegistryClient,
  layers: LayerScans,
): Promise<{ entry: Pick<ImageResult, 'duplicates' | 'duplicateBytes'>; platforms: PlatformImage[] | undefined }> {
  const rt = layers.log;
  const cacheDir = layers.cacheDir;
  if (cacheDir) {
    layers.restoring ??= restoreLayerScans(cacheDir, layers.memo, rt.log, layers.cacheTimeoutMs).then(({ layers: n, key }) => {
      if (key) rt.log.info(`duplicate scan: ${n} layers remembered from an earlier run (Actions cache ${key})`);
    });
    await layers.restoring;
  }
  const targets = platforms?.length
    ? platforms.map((p) => ({ platform: p.platform, reference: p.digest }))
    : [{ platform: build.platforms[0] ?? 'linux/amd64', reference: digest }];
  const found: Pick<ImageResult, 'duplicates' | 'duplicateBytes'>[] = [];
  for (const { platform, reference } of targets) {
    if (rt.signal?.aborted) {
      found.push({ duplicates: null, duplicateBytes: null });
      continue;
    }
    const started = Date.now();
    const where = `${build.entry.tag}${targets.length > 1 ? ` (${platform})` : ''}`;
    try {
      const arch = architectureOf(platform as Platform);
      const scan = await scanLibraries(registryImage(registry, repo, reference, where, rt.signal, arch), layers.memo, rt.signal);
      layers.read += scan.layersRead;
      const took = ((Date.now() - started) / 1000).toFixed(1);
      const what = scan.wastedBytes
        ? `${scan.duplicates.length + scan.leftOut} librar${scan.duplicates.length + scan.leftOut === 1 ? 'y is' : 'ies are'} ` +
          `held twice, wasting ${formatSize(scan.wastedBytes)} uncompressed (largest: ${scan.duplicates
            .slice(0, 3)
            .map((d) => `${d.soname} ${formatSize(d.bytes)}`)
            .join(', ')})`
        : 'no library is held twice';
      // Names come from the image's files: printed as untrusted text.
      rt.log.untrusted(
        `${build.entry.tag}: duplicate scan${targets.length > 1 ? ` of ${platform}` : ''}: ${what}; ` +
          `${scan.layersRead} of ${scan.layers} layers read (${formatSize(scan.tarBytes)} uncompressed in all) in ${took} s`,
      );
      found.push({ duplicates: scan.duplicates, duplicateBytes: scan.wastedBytes });
    } catch (err) {
      // Cancelled: the run says so once; a scan has nothing to add.
      if (!rt.signal?.aborted) rt.log.warning(`duplicate scan of ${where} failed, the image is pushed as it is: ${(err as Error).message}`);
      found.push({ duplicates: null, duplicateBytes: null });
    }
  }
  const rows = platforms?.map((p, i) => ({ ...p, ...found[i] }));
  return { entry: found[0] ?? { duplicates: null, duplicateBytes: null }, platforms: rows };
}

/** An entry's result before anything is known: what it would push, under which tags. */
function resultBase(build: EntryBuild): ImageResult {
  return emptyResult(build.entry, 'failed', {
    tags: build.platformTag ? [] : build.tags,
    contentTag: build.platformTag ?? build.contentTag,
    cache: build.cache.backend,
  });
}

/**
 * Whether the registry already holds this build: the content tag (every platform, merged), or for a
 * fan-out job its platform's tag. The entry's tags are pointed at what the content tag holds (not by a
 * fan-out job: merge writes them). Null when it has to be built.
 */
async function alreadyBuilt(
  build: EntryBuild,
  options: BuildOptions,
  registry: RegistryClient,
  rt: Runtime,
): Promise<Pick<ImageResult, 'digest' | 'size' | 'platforms' | 'contentTag' | 'tags'> | null> {
  const { repo, tag: contentTagName } = parseTaggedReference(build.contentTag, 'content tag');
  let existing: ManifestHead | null = await registry.head(repo, contentTagName);
  if (existing && !existing.digest) existing = await registry.get(repo, contentTagName);
  if (existing) {
    const fanOut = Boolean(build.platformTag);
    const read = options.push && !fanOut ? await pointTags(build.tags, existing, build.contentTag, registry) : null;
    rt.log.info(`up to date: ${build.contentTag} (${existing.digest}) already holds this build${fanOut ? ', every platform merged' : ''}`);
    // A multi-platform entry's rows need the index (a GET); a plain image's skip stays at HEADs.
    const manifest =
      read ??
      ('body' in existing
        ? (existing as Manifest)
        : isDefaultPlatforms(build.platforms)
          ? null
          : await registry.get(repo, existing.digest));
    const facts = manifest ? await imageFacts(repo, manifest, build, registry) : { size: null };
    return { digest: existing.digest, ...facts, contentTag: build.contentTag, tags: fanOut ? [] : build.tags };
  }
  if (!build.platformTag) return null;
  const { tag: platformTagName } = parseTaggedReference(build.platformTag, 'platform tag');
  const mine = await registry.get(repo, platformTagName);
  if (!mine) return null;
  rt.log.info(`up to date: ${build.platformTag} (${mine.digest}) already holds ${build.platforms[0]}; merge joins it with the others`);
  return { digest: mine.digest, size: RegistryClient.imageSize(mine), contentTag: build.platformTag, tags: [] };
}

/**
 * Size and per-platform images of what a tag holds: an image's own size, or an index's platforms (each
 * read, a GET per platform) and their sum. Per-platform rows only for an entry other than the default.
 */
async function imageFacts(
  repo: Repository,
  manifest: Manifest,
  build: EntryBuild,
  registry: RegistryClient,
): Promise<{ size: number | null; platforms?: PlatformImage[] }> {
  const own = RegistryClient.imageSize(manifest);
  const platformRows = !isDefaultPlatforms(build.platforms);
  if (own !== null) {
    return platformRows
      ? { size: own, platforms: [{ platform: build.platforms[0] as string, digest: manifest.digest, size: own }] }
      : { size: own };
  }
  const doc = readManifest(manifest.body.toString('utf8'), `${repo.path}@${manifest.digest}`);
  if (doc.kind !== 'index') return { size: null };
  const platforms: PlatformImage[] = [];
  for (const { platform, digest } of indexPlatforms(doc.manifests)) {
    const child = await registry.get(repo, digest);
    platforms.push({ platform, digest, size: child ? RegistryClient.imageSize(child) : null });
  }
  const sizes = platforms.map((p) => p.size);
  const size = sizes.length && sizes.every((n) => n !== null) ? (sizes as number[]).reduce((a, b) => a + b, 0) : null;
  // An attested image of the default platform is an index too: its size, without platform rows.
  return platformRows ? { size, platforms } : { size };
}

/**
 * `merge`: the entry's platform images, each pushed by a fan-out job under its platform tag, joined
 * into one OCI index written under the content tag and the entry's tags. Already merged (the content
 * tag exists): the tags are pointed at it. A platform not yet pushed fails the entry, naming it.
 */
async function mergeImage(
  build: EntryBuild,
  options: BuildOptions,
  registry: RegistryClient,
  rt: Runtime,
  layers: LayerScans,
): Promise<ImageResult> {
  const started = Date.now();
  const seconds = (): number => Math.round((Date.now() - started) / 100) / 10;
  // merge refuses input platform (src/commands/index.ts): the base names the entry's tags and content tag
  const base = resultBase(build);
  const fail = (error: string): ImageResult => {
    rt.log.error(`${build.entry.tag}: not merged: ${error}`);
    return { ...base, status: 'failed', error, seconds: seconds() };
  };
  if (!options.push) return fail('merge writes tags in the registry: set push to true');
  try {
    // skip-existing false: the index is written again from the platform images there now (a rebuild
    // of the same content pushed them again), even where the content tag exists.
    const done = options.skipExisting ? await alreadyBuilt(build, options, registry, rt) : null;
    if (done) return { ...base, ...done, status: 'skipped', seconds: seconds() };
    const { repo, tag: contentTagName } = parseTaggedReference(build.contentTag, 'content tag');
    const children: Parameters<typeof ociIndex>[0] = [];
    const missing: string[] = [];
    for (const platform of build.platforms) {
      const tag = platformTagOf(build.contentTag, platform);
      const image = await registry.get(repo, parseTaggedReference(tag, 'platform tag').tag);
      if (!image) {
        missing.push(`${platform} (${tag})`);
        continue;
      }
      if (RegistryClient.imageSize(image) === null) {
        // An attested build pushed an index: its one image, and the attestations of that image, go in whole.
        const found = attestedChildren(image, platform, `${repo.path}:${parseTaggedReference(tag, 'platform tag').tag}`);
        if (typeof found === 'string') return fail(found);
        children.push(...found);
        continue;
      }
      // The index names the very bytes read (their own hash and media type), whatever the headers said.
      children.push({
        digest: `sha256:${createHash('sha256').update(image.body).digest('hex')}`,
        size: image.body.length,
        mediaType: manifestMediaType(image),
        os: 'linux',
        architecture: architectureOf(platform),
      });
    }
    if (missing.length) {
      return fail(
        `no image yet for ${missing.join(', ')}: run the build for each platform first (command build with input platform), ` +
          'with the same inputs as this job (a different Dockerfile, build-args or base makes another content tag)',
      );
    }
    // Docker v2 images (docker push, without buildx) go in a Docker manifest list, OCI images in an OCI index.
    const listType = children.every((c) => c.mediaType === DOCKER_MANIFEST) ? DOCKER_LIST : OCI_INDEX;
    const body = Buffer.from(ociIndex(children, listType));
    const index: Manifest = { digest: `sha256:${createHash('sha256').update(body).digest('hex')}`, mediaType: listType, body };
    await registry.put(repo, contentTagName, index);
    await pointTags(build.tags, index, build.contentTag, registry);
    rt.log.info(`merged ${build.entry.tag}: ${build.platforms.join(', ')} in ${index.digest}`);
    const facts = await imageFacts(repo, index, build, registry);
    const result: ImageResult = { ...base, status: 'built', digest: index.digest, ...facts, seconds: seconds() };
    // The legs scanned their platforms, but their results are not merge's: scanned again, mostly from
    // the layers the legs kept (the Actions cache) or that this run read already.
    if (options.duplicateScan) queueScan(result, repo, index.digest, build, facts.platforms, registry, layers);
    return result;
  } catch (err) {
    return fail((err as Error).message);
  }
}

/**
 * A fan-out job's index for one platform (an attested build pushes one): the platform's image and the
 * attestation manifests that name it, as merge copies them into the entry's index; or why it cannot.
 */
function attestedChildren(index: Manifest, platform: Platform, where: string): IndexChild[] | string {
  const doc = readManifest(index.body.toString('utf8'), where);
  if (doc.kind !== 'index') return `${where} is neither an image nor an index`;
  const images = indexPlatforms(doc.manifests);
  const own = images.find((p) => p.platform === platform);
  if (images.length !== 1 || !own) {
    return `${where} holds ${images.map((p) => p.platform).join(', ') || 'no image'}, not ${platform} alone`;
  }
  const items = [doc.manifests.find((m) => m.digest === own.digest) as IndexItem, ...attestationsOf(doc.manifests, own.digest)];
  const children: IndexChild[] = [];
  for (const m of items) {
    if (m.size === undefined || !m.mediaType) return `${where}: the index leaves out the size or media type of ${m.digest}`;
    children.push({
      digest: m.digest,
      size: m.size,
      mediaType: m.mediaType,
      os: m.platform?.os ?? 'unknown',
      architecture: m.platform?.architecture ?? 'unknown',
      ...(m.annotations ? { annotations: m.annotations } : {}),
    });
  }
  return children;
}

/** An image manifest's media type: the one its body declares, else the Content-Type it came with (without parameters). */
function manifestMediaType(manifest: Manifest): string {
  try {
    const declared = (JSON.parse(manifest.body.toString('utf8')) as { mediaType?: unknown }).mediaType;
    if (typeof declared === 'string' && declared.length <= 256) return declared;
  } catch {
    // imageSize read it already: not reached for a body that is not JSON
  }
  return manifest.mediaType.split(';')[0]?.trim() || 'application/vnd.oci.image.manifest.v1+json';
}

/**
 * Point every requested tag at the manifest the content tag holds, leaving tags that already do
 * (a HEAD each). The manifest itself is read (a GET) once, and only when a tag has to move: a PUT
 * needs its bytes. Returns it when it was read.
 */
async function pointTags(tags: string[], existing: ManifestHead, contentTag: string, registry: RegistryClient): Promise<Manifest | null> {
  const { repo: contentRepo } = parseTaggedReference(contentTag, 'content tag');
  let manifest = 'body' in existing ? (existing as Manifest) : null;
  for (const ref of tags) {
    const { repo, tag } = parseTaggedReference(ref, 'tag');
    const current = await registry.head(repo, tag);
    if (current?.digest && current.digest === existing.digest) continue;
    if (repo.registry !== contentRepo.registry || repo.path !== contentRepo.path) {
      throw new Error(`${ref} is in another repository than ${contentTag}; re-tagging across repositories needs a rebuild`);
    }
    // By digest: the very manifest the HEAD saw, even if the content tag moved since.
    manifest ??= await registry.get(contentRepo, existing.digest);
    if (!manifest) throw new Error(`${contentTag} (${existing.digest}) is gone from the registry; building instead`);
    await registry.put(repo, tag, manifest);
  }
  return manifest;
}

/** The fallback without buildx: docker build with BuildKit, then docker push per tag. */
async function dockerBuild(inv: Parameters<typeof dockerBuildArgs>[0], rt: Runtime): Promise<{ code: number; output: string }> {
  const { env, build, pushes } = dockerBuildArgs(inv);
  const res = await execCapture(rt.docker, build, {
    env: { ...rt.env, ...env },
    onLine: rt.log.untrusted,
    ...(rt.signal ? { signal: rt.signal } : {}),
  });
  let output = res.output;
  if (res.code !== 0) return res;
  for (const push of pushes) {
    const p = await execCapture(rt.docker, push, { env: rt.env, onLine: rt.log.untrusted });
    output += p.output;
    if (p.code !== 0) return { code: p.code, output };
  }
  return { code: 0, output };
}
