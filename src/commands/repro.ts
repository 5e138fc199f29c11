import type { ReleaseData } from '../frameworks/index.js';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { FEATURES, buildxArgs, type ToolVersions } from '../image/buildx.js';
import { secretArgs } from '../image/secrets.js';
import { compressionAttributes } from '../image/compression.js';
import { planEntryBuild } from '../image/build-plan.js';
import { renderPlaceholders } from '../inputs/placeholders.js';
import type { BuildOptions } from '../image/options.js';
import { diagnoseFailure, describeFailure } from '../image/progress.js';
import { parseTaggedReference, repositoryName } from '../image/reference.js';
import { checkCustomisationFits, dockerfileFor, readBuildSource, type BaseLookup, type BuildSource } from '../effects/build-source.js';
import { templateCannotBuild } from '../template/dockerfile.js';
import { lookUpBaseImages } from './build.js';
import { detectTools } from '../effects/docker.js';
import { execCapture } from '../effects/exec.js';
import { commitTime } from '../effects/git.js';
import { tempRoot } from '../effects/files.js';
import { ociLayout, registryImage, type ImageSource } from '../effects/oci.js';
import { platformsOf } from '../matrix/entry.js';
import { architectureOf, nativePlatform, type Platform } from '../matrix/platform.js';
import { RegistryClient } from '../effects/registry.js';
import { UserError } from '../errors.js';
import type { MatrixEntry } from '../frameworks/index.js';
import type { Plan } from '../matrix/resolve.js';
import { MAX_FILE_DIFFS, compareShapes, diffEntries, likelyCause, type DeterminismResult } from '../repro/compare.js';
import { diffPackages, inventoryOf, inventorySelect, type Inventory, type PackageChange } from '../repro/inventory.js';
import { mergeLayers } from '../repro/tar.js';
import type { ReproOptions } from '../repro/options.js';
import type { Runtime } from '../runtime.js';

/**
 * `repro`: is an image built twice from the same sources the same image, and
 * what does this change alter inside it against a baseline?
 */

export interface ChangeImpact {
  baseline: string;
  baselineDigest: string;
  python: PackageChange[];
  debian: PackageChange[];
  versions: { name: string; baseline: string | null; current: string | null }[];
  layers: { index: number; baseline: number | null; current: number | null }[];
  size: { baseline: number; current: number; change: number };
  drift: boolean;
}

export interface ReproResult {
  tag: string;
  key: string;
  sourceDateEpoch: number;
  /** the platform built twice and compared (one per entry: input platform, else this runner's own where the entry has it) */
  platform: string;
  status: 'checked' | 'failed';
  determinism?: DeterminismResult & { cause: string | null };
  impact?: ChangeImpact;
  error?: string;
}

export async function reproCommand(
  plan: Plan,
  build: BuildOptions,
  repro: ReproOptions,
  rt: Runtime,
  data?: ReleaseData,
): Promise<ReproResult[]> {
  const tools = await detectTools(rt.docker, build.builder, rt.env);
  requireReproducibleBuilder(tools);
  const epoch = repro.sourceDateEpoch ?? (await epochOf(rt));
  rt.log.info(`SOURCE_DATE_EPOCH=${epoch} (${new Date(epoch * 1000).toISOString()}), buildx ${tools.buildx}, BuildKit ${tools.buildkit}`);
  const scratch = mkdtempSync(path.join(tempRoot(rt.env), 'gim-repro-'));
  const registry = new RegistryClient(rt.env, build.retries, rt.mask, undefined, (m) => rt.log.warning(m));
  try {
    const source = { ...readBuildSource(build, rt.baseDir, scratch), ...(data ? { data } : {}) };
    checkCustomisationFits(source, plan.include);
    // What the embedded template cannot build fails before any lookup or build, as in build.
    const cannot = (e: MatrixEntry): string | null => (source.dockerfile === null ? templateCannotBuild(e) : null);
    const buildable = plan.include.filter((e) => !cannot(e));
    const bases = source.dockerfile === null ? await lookUpBaseImages(buildable, registry, rt.log) : new Map<string, BaseLookup>();
    const results: ReproResult[] = [];
    for (const entry of plan.include) {
      const why = cannot(entry);
      const base: BaseLookup | undefined = why ? { error: why } : bases.get(entry.baseImage);
      results.push(
        await rt.log.group(`repro ${entry.tag}`, () =>
          checkEntry(entry, plan, build, repro, tools, epoch, source, base, scratch, registry, rt),
        ),
      );
    }
    return results;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function requireReproducibleBuilder(tools: ToolVersions): void {
  if (!tools.buildx) {
    throw new UserError(
      'repro needs docker buildx with a BuildKit builder (0.14.1 or newer) for rewrite-timestamp; ' +
        "Docker's built-in builder cannot produce reproducible layers. Set up a builder with docker/setup-buildx-action",
    );
  }
  if (!FEATURES.rewriteTimestamp(tools)) {
    throw new UserError(
      `repro needs BuildKit 0.14.1 or newer for rewrite-timestamp (this builder has ` +
        `${tools.buildkit ?? 'an unknown version'}); use a docker-container builder with a current ` +
        `moby/buildkit image (docker/setup-buildx-action with driver-opts: image=moby/buildkit:latest)`,
    );
  }
}

async function epochOf(rt: Runtime): Promise<number> {
  const t = await commitTime(rt.baseDir, rt.env);
  if (t === null) {
    throw new UserError(
      'source-date-epoch is not set and the workspace is not a git checkout with a ' +
        'commit to take the time from; set source-date-epoch (seconds since 1970, e.g. 0)',
    );
  }
  return t;
}

async function checkEntry(
  entry: MatrixEntry,
  plan: Plan,
  build: BuildOptions,
  repro: ReproOptions,
  tools: ToolVersions,
  epoch: number,
  source: BuildSource,
  baseImage: BaseLookup | undefined,
  scratch: string,
  registry: RegistryClient,
  rt: Runtime,
): Promise<ReproResult> {
  const platform = reproPlatform(entry, build.platform);
  const base = { tag: entry.tag, key: entry.key, sourceDateEpoch: epoch, platform };
  if (baseImage && 'error' in baseImage) {
    rt.log.error(`${entry.tag}: not built: ${baseImage.error}`);
    return { ...base, status: 'failed', error: baseImage.error };
  }
  const dir = mkdtempSync(path.join(scratch, `${entry.key}-`));
  const entrySource = dockerfileFor(source, entry, dir, baseImage?.digest ?? null);
  const { text: dockerfileText, file } = entrySource;
  const planned = planEntryBuild(
    entry,
    { ...build, cache: 'none', platform },
    {
      dockerfile: dockerfileText,
      contextDigest: entrySource.contextDigest,
      entryCount: plan.include.length,
      supportsIgnoreError: false,
      baseDigest: baseImage && 'digest' in baseImage ? baseImage.digest : null,
    },
    { created: new Date(epoch * 1000).toISOString(), tempDir: dir },
  );
  // Build secrets as build uses them: their values in buildx's environment only.
  const secrets = secretArgs(build.secrets);
  const env = { ...rt.env, ...secrets.env, SOURCE_DATE_EPOCH: String(epoch) };
  const buildInto = async (name: string, noCache: boolean): Promise<ImageSource> => {
    const dest = path.join(dir, name);
    const args = buildxArgs(
      {
        build: planned,
        file,
        context: entrySource.context,
        push: false,
        load: false,
        metadataFile: path.join(dir, `${name}.json`),
        // compressed as build pushes it, so the bytes compared are those a push would send
        outputs: [`type=oci,dest=${dest},tar=false,rewrite-timestamp=true${compressionAttributes(build.compression)}`],
        noCache,
        secretArgs: secrets.args,
        ...(build.builder ? { builder: build.builder } : {}),
      },
      tools,
    );
    const res = await execCapture(rt.docker, args, { env, onLine: rt.log.untrusted, ...(rt.signal ? { signal: rt.signal } : {}) });
    if (res.code !== 0) throw new Error(`build ${name} failed: ${describeFailure(diagnoseFailure(res.output))}`);
    return ociLayout(dest, rt.signal, architectureOf(platform));
  };
  try {
    const first = await buildInto('first', false);
    const second = await buildInto('second', true);
    const shapes = compareShapes(await first.shape(), await second.shape());
    let determinism: DeterminismResult & { cause: string | null } = { ...shapes, files: [], totalFileDiffs: 0, cause: null };
    if (shapes.firstDifferentLayer !== null) {
      const i = shapes.firstDifferentLayer;
      try {
        const diffs = diffEntries(await first.layer(i), await second.layer(i));
        determinism = { ...determinism, files: diffs.slice(0, MAX_FILE_DIFFS), totalFileDiffs: diffs.length, cause: likelyCause(diffs) };
      } catch (err) {
        determinism = { ...determinism, filesNote: `the layers could not be compared file by file: ${(err as Error).message}` };
      }
    } else if (!shapes.deterministic) {
      determinism.cause = shapes.config.same ? null : 'the image config differs (labels, env or history that change per build)';
    }
    rt.log.info(
      determinism.deterministic ? `deterministic: ${shapes.manifest.a}` : `NOT deterministic: ${shapes.manifest.a} vs ${shapes.manifest.b}`,
    );
    const result: ReproResult = { ...base, status: 'checked', determinism };
    if (repro.baseline) result.impact = await changeImpact(entry, repro.baseline, build, first, registry, platform, rt.signal);
    return result;
  } catch (err) {
    const message = err instanceof UserError ? err.message : (err as Error).message;
    rt.log.error(`${entry.tag}: ${message}`);
    return { ...base, status: 'failed', error: message };
  }
}

/**
 * The one platform repro builds for an entry: input platform (which must be one of the entry's),
 * else this machine's own where the entry has it (no emulation), else the entry's first.
 */
export function reproPlatform(entry: MatrixEntry, asked: Platform | undefined, arch: string = process.arch): Platform {
  if (asked) return asked;
  const platforms = platformsOf(entry);
  const native = nativePlatform(arch);
  return native && platforms.includes(native) ? native : (platforms[0] as Platform);
}

/** Layers are read one at a time, keeping only what the inventory reads (a few files and the whiteouts). */
async function inventory(image: ImageSource, layers: number): Promise<Inventory> {
  const entries = [];
  for (let i = 0; i < layers; i++) entries.push(await image.layer(i, inventorySelect));
  return inventoryOf(mergeLayers(entries));
}

async function changeImpact(
  entry: MatrixEntry,
  template: string,
  build: BuildOptions,
  current: ImageSource,
  registry: RegistryClient,
  platform: Platform,
  signal?: AbortSignal,
): Promise<ChangeImpact> {
  const ref = renderPlaceholders(template, entry, { image: repositoryName(build.repository) });
  const { repo, tag } = parseTaggedReference(ref, 'baseline');
  const baseline = registryImage(registry, repo, tag, ref, signal, architectureOf(platform));
  const [bShape, cShape] = [await baseline.shape(), await current.shape()];
  const [bInv, cInv] = [await inventory(baseline, bShape.layers.length), await inventory(current, cShape.layers.length)];
  const python = diffPackages(bInv.python, cInv.python);
  const debian = diffPackages(bInv.debian, cInv.debian);
  const versions = (['torch', 'cuda', 'cudnn', 'nccl'] as const).map((name) => ({ name, baseline: bInv[name], current: cInv[name] }));
  const sum = (s: typeof bShape): number => s.layers.reduce((t, l) => t + l.size, 0);
  const count = Math.max(bShape.layers.length, cShape.layers.length);
  return {
    baseline: ref,
    baselineDigest: bShape.manifestDigest,
    python,
    debian,
    versions,
    layers: Array.from({ length: count }, (_, i) => ({
      index: i,
      baseline: bShape.layers[i]?.size ?? null,
      current: cShape.layers[i]?.size ?? null,
    })),
    size: { baseline: sum(bShape), current: sum(cShape), change: sum(cShape) - sum(bShape) },
    drift: python.length > 0 || debian.length > 0 || versions.some((v) => v.baseline !== v.current),
  };
}
