import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { byMinorNumber } from '../compat/checks.js';
import { mergeCompatFile } from '../compat/load.js';
import { validateOverride } from '../compat/validate.js';
import { PackageIndexClient } from '../effects/package-index.js';
import { RegistryClient } from '../effects/registry.js';
import { pickFile, readWheelMetadata } from '../effects/wheel-metadata.js';
import { UserError } from '../errors.js';
import { frameworkById, type ReleaseData } from '../frameworks/index.js';
import { parseImageReference } from '../image/reference.js';
import { pinnedVersion } from '../refresh/wheel-metadata.js';
import {
  cudaUpdates,
  knownPatches,
  torchReleases,
  variantsToProbe,
  versionsOn,
  type FoundPatch,
  type VersionFiles,
} from '../refresh/torch.js';
import type { Runtime } from '../runtime.js';
import type { IndexFile } from '../verify/index-page.js';
import type { RefreshOptions } from '../refresh/options.js';
import { listingKey } from '../verify/check.js';
import { cudaExtras, jaxRelease } from '../refresh/jax.js';
import { tfRelease, withPatches } from '../refresh/tensorflow.js';
import type { TfRelease } from '../frameworks/tensorflow.js';
import type { JaxRelease } from '../frameworks/jax.js';
import { parseWheelName, publicVersion } from '../verify/wheel.js';

/**
 * `refresh`: reads PyTorch's index (and PyPI, and nvidia/cuda's tags) and writes what is new as a
 * compat-file: new torch releases with their variants, Pythons, cuDNN and the torchvision and
 * torchaudio that pair with them (read from the libraries' metadata, never a whole wheel), and CUDA
 * entries whose images moved to a later update. With the difference from the bundled data as
 * markdown. New JAX releases (Pythons from jaxlib, CUDA majors from jax's extras) and TensorFlow
 * releases (Pythons from the wheels, CUDA, cuDNN and libraries from the and-cuda extra) too.
 */

export interface RefreshReport {
  /** the compat-file written (or that would be) */
  data: Record<string, unknown>;
  markdown: string;
  /** where it was written */
  file: string | null;
  /** what refresh found new: torch patches, CUDA updates */
  changes: number;
}

const LIBRARIES = ['torchvision', 'torchaudio'] as const;

export async function refreshCommand(data: ReleaseData, options: RefreshOptions, rt: Runtime): Promise<RefreshReport> {
  const client = new PackageIndexClient();
  const warnings: string[] = [];
  const notes: string[] = [];
  const root = options.torchIndex.replace(/\/+$/, '');
  const listing = async (url: string): Promise<IndexFile[] | null> => {
    const a = await client.listing(url);
    if ('listing' in a) return a.listing.files;
    if ('error' in a) warnings.push(`could not read ${url}: ${a.error}`);
    return null;
  };

  // 1. torch on every variant worth asking for.
  const variants = variantsToProbe(data);
  const torchOn = new Map<string, VersionFiles>();
  // linux/arm64 from the same pages: each variant's aarch64 wheels
  const torchArmOn = new Map<string, VersionFiles>();
  await Promise.all(
    variants.map(async (v) => {
      const files = await listing(listingKey(`${root}/${v}`, 'torch'));
      if (files) {
        torchOn.set(v, versionsOn(files, 'torch'));
        torchArmOn.set(v, versionsOn(files, 'torch', 'aarch64'));
      }
    }),
  );
  rt.log.info(`refresh: torch found on ${[...torchOn.keys()].join(', ') || 'no variant'} of ${root}`);

  // 2. Patches the data does not know, on some CUDA variant, for minors the data covers or newer.
  const known = knownPatches(data);
  const oldest = data.torch.map((r) => `${r.minor}.0`).sort(semver.compare)[0] ?? '0.0.0';
  const found = new Map<string, FoundPatch>();
  for (const [variant, versions] of torchOn) {
    for (const [version, slot] of versions) {
      if (known.has(version) || semver.lt(version, oldest) || !slot.pythons.size) continue;
      const f = found.get(version) ?? blankPatch(version);
      f.variants.set(variant, slot.pythons);
      for (const py of slot.freeThreaded) f.freeThreaded.add(py);
      if (torchArmOn.get(variant)?.get(version)?.pythons.size) f.arm64.add(variant);
      found.set(version, f);
    }
  }
  const newest = newestPerMinor([...found.values()]);

  // 3. cuDNN from the newest patch's torch wheel on each CUDA variant; the PyPI default from PyPI's wheel.
  await Promise.all(
    newest.flatMap((f) =>
      [...f.variants.keys()]
        .filter((v) => v !== 'cpu')
        .map(async (v) => {
          const file = pickFile(torchOn.get(v)?.get(f.torch)?.files ?? []);
          const meta = file ? await metadataOf(file, client, warnings) : null;
          const cudnn = meta ? pinnedVersion(meta, /^nvidia-cudnn-cu\d+$/i) : null;
          if (cudnn) f.cudnn.set(v, cudnn.version);
        }),
    ),
  );
  const pypiTorch = newest.length ? await listing(listingKey(options.pypiIndex, 'torch')) : null;
  if (pypiTorch) {
    const onPypi = versionsOn(pypiTorch, 'torch');
    await Promise.all(
      newest.map(async (f) => {
        const file = pickFile(onPypi.get(f.torch)?.files ?? []);
        const meta = file ? await metadataOf(file, client, warnings) : null;
        const runtime = meta ? pinnedVersion(meta, /^nvidia-cuda-runtime(-cu\d+)?$/i) : null;
        const m = runtime ? /^(\d+)\.(\d+)/.exec(runtime.version) : null;
        if (m) f.pypiDefault = `cu${m[1]}${m[2]}`;
      }),
    );
  }

  // 4. torchvision and torchaudio: which version pairs with each new torch, read from their Requires-Dist.
  for (const lib of LIBRARIES) {
    const paired = new Set(data.torch.flatMap((r) => r.patches.map((p) => p[lib]).filter((v): v is string => v !== null)));
    const libOn = new Map<string, VersionFiles>();
    const libVariants = [...new Set([...found.values()].flatMap((f) => [...f.variants.keys()]))];
    await Promise.all(
      libVariants.map(async (v) => {
        const files = await listing(listingKey(`${root}/${v}`, lib));
        libOn.set(v, files ? versionsOn(files, lib) : new Map());
      }),
    );
    // One wheel per version not paired yet, from any variant that has it.
    const candidates = new Map<string, IndexFile>();
    for (const versions of libOn.values()) {
      for (const [version, slot] of versions) {
        const file = pickFile(slot.files);
        if (!paired.has(version) && file && !candidates.has(version)) candidates.set(version, file);
      }
    }
    const torchOf = new Map<string, string>();
    await Promise.all(
      [...candidates].map(async ([version, file]) => {
        const meta = await metadataOf(file, client, warnings);
        const torch = meta ? pinnedVersion(meta, /^torch$/i) : null;
        if (torch) torchOf.set(publicVersion(torch.version), version);
      }),
    );
    // torchaudio 2.11.0 is its last release, built on the stable ABI: later torch pairs with it
    // (the data's notes), and its metadata pins no exact torch. Without a pin, the newest the data pairs.
    const newestPaired = data.torch
      .flatMap((r) => r.patches)
      .sort((a, b) => semver.rcompare(a.torch, b.torch))
      .find((p) => p[lib] !== null)?.[lib];
    const onIndex = (v: string | null | undefined): v is string => Boolean(v && [...libOn.values()].some((m) => m.has(v)));
    for (const f of found.values()) {
      const read = torchOf.get(f.torch);
      const version = read ?? (lib === 'torchaudio' && onIndex(newestPaired) ? newestPaired : null);
      f[lib] = version;
      if (version) f.provenance[lib] = read ? 'read' : 'inferred';
      for (const v of f.variants.keys()) {
        if (version && !libOn.get(v)?.has(version)) f.without.set(v, [...(f.without.get(v) ?? []), lib]);
      }
    }
  }

  // 5. nvidia/cuda's tags: updates that replaced the data's point releases.
  let cuda: ReturnType<typeof cudaUpdates> = [];
  const registry = new RegistryClient(rt.env, 1, rt.mask, undefined, (m) => rt.log.warning(m));
  try {
    const repo = parseImageReference(options.cudaRepository, 'cuda-image-repository').repo;
    cuda = cudaUpdates(data, new Set(await registry.tags(repo, 20)), notes);
  } catch (err) {
    warnings.push(`could not list the tags of ${options.cudaRepository}: ${(err as Error).message.slice(0, 300)}`);
  }

  // 6. JAX: each newer release on PyPI, written: its Pythons from jaxlib's wheels, its CUDA majors from jax's extras.
  const today = rt.now().toISOString().slice(0, 10);
  const jax: JaxRelease[] = [];
  const jaxFiles = await listing(listingKey(options.pypiIndex, 'jax'));
  const newestJax = frameworkById('jax').releases(data)[0]?.version ?? '0.0.0';
  const newJax = new Map<string, IndexFile[]>();
  for (const f of jaxFiles ?? []) {
    const w = parseWheelName(f.filename);
    const version = w?.project === 'jax' ? publicVersion(w.version) : '';
    if (!semver.valid(version) || semver.prerelease(version) || !semver.gt(version, newestJax)) continue;
    newJax.set(version, [...(newJax.get(version) ?? []), f]);
  }
  const jaxlib = newJax.size ? await listing(listingKey(options.pypiIndex, 'jaxlib')) : null;
  if (newJax.size && !jaxlib)
    notes.push(`jax ${[...newJax.keys()].join(', ')}: the jaxlib page could not be read (their Pythons): not written`);
  if (jaxlib) {
    const jaxlibOn = versionsOn(jaxlib, 'jaxlib');
    const made = await Promise.all(
      [...newJax].map(async ([version, files]) => {
        const file = pickFile(files);
        const meta = file ? await metadataOf(file, client, warnings) : null;
        const read = { version, pythons: jaxlibOn.get(version)?.pythons ?? new Set<string>(), extras: meta ? cudaExtras(meta) : null };
        return jaxRelease(data, { ...read, uploaded: file?.uploaded }, options.pypiIndex, today, notes);
      }),
    );
    jax.push(...made.filter((r): r is JaxRelease => r !== null).sort((a, b) => semver.compare(a.version, b.version)));
  }

  // 7. TensorFlow: new patches of known minors added; a new minor written from its wheels and its and-cuda extra.
  const tensorflow: TfRelease[] = [];
  const tfFiles = await listing(listingKey(options.pypiIndex, 'tensorflow'));
  if (tfFiles) {
    const onPypi = versionsOn(tfFiles, 'tensorflow');
    const knownTf = new Set(data.tensorflow.flatMap((r) => r.patches));
    const oldestTf = data.tensorflow.map((r) => `${r.minor}.0`).sort(semver.compare)[0] ?? '0.0.0';
    const byMinor = new Map<string, string[]>();
    for (const version of [...onPypi.keys()].sort(semver.compare)) {
      if (knownTf.has(version) || semver.lt(version, oldestTf)) continue;
      const minor = `${semver.major(version)}.${semver.minor(version)}`;
      byMinor.set(minor, [...(byMinor.get(minor) ?? []), version]);
    }
    const made = await Promise.all(
      [...byMinor].map(async ([minor, patches]) => {
        const bundled = data.tensorflow.find((r) => r.minor === minor);
        const newest = patches[patches.length - 1] as string;
        const file = pickFile(onPypi.get(newest)?.files);
        const meta = file ? await metadataOf(file, client, warnings) : null;
        if (bundled) return withPatches(bundled, patches, meta, notes);
        return tfRelease(
          data,
          { minor, patches, pythons: onPypi.get(newest)?.pythons ?? new Set(), meta },
          options.pypiIndex,
          today,
          notes,
        );
      }),
    );
    tensorflow.push(...made.filter((r): r is TfRelease => r !== null));
  }

  const torch = torchReleases(data, [...found.values()], notes);
  const override: Record<string, unknown> = {
    schemaVersion: 1,
    sources: [`gpu-image-matrix refresh ${today}: ${root}, ${options.pypiIndex}, ${options.cudaRepository} tags`],
    ...(torch.length ? { torch } : {}),
    ...(cuda.length ? { cuda } : {}),
    ...(jax.length ? { jax } : {}),
    ...(tensorflow.length ? { tensorflow } : {}),
  };
  // An existing out file is updated: what it held stays, a release refresh found again is replaced.
  let file: string | null = null;
  let written = override;
  if (options.out) {
    file = path.resolve(rt.baseDir, options.out);
    if (existsSync(file)) written = updateCompatFile(readFileSync(file, 'utf8'), file, override);
  }
  // What is written must load: merged and validated as a compat-file would be.
  mergeCompatFile(data, JSON.stringify(written), 'the data refresh made');
  if (file) {
    try {
      writeFileSync(file, `${JSON.stringify(written, null, 2)}\n`);
    } catch (err) {
      throw new UserError(`out: could not write ${file}: ${(err as Error).message}`);
    }
  }
  const entries = torch.length + cuda.length + jax.length + tensorflow.length;
  const markdown = refreshMarkdown([...found.values()], { jax, tensorflow }, entries, notes, warnings, file);
  return { data: override, markdown, file, changes: found.size + cuda.length + jax.length + tensorflow.length };
}

/** The compat-file at `file` with `found` merged over it (torch by minor, CUDA by version), its sources kept. */
function updateCompatFile(text: string, file: string, found: Record<string, unknown>): Record<string, unknown> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new UserError(
      `out: ${file} exists and is not JSON (${(err as Error).message}); refresh updates a compat-file or writes a new one`,
    );
  }
  const before = validateOverride(json as never, file) as unknown as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...before };
  for (const [section, id] of [
    ['torch', 'minor'],
    ['cuda', 'version'],
    ['jax', 'version'],
    ['tensorflow', 'minor'],
  ] as const) {
    const added = (found[section] as Record<string, unknown>[] | undefined) ?? [];
    const kept = ((before[section] as Record<string, unknown>[] | undefined) ?? []).filter((old) => !added.some((n) => n[id] === old[id]));
    if (kept.length || added.length) merged[section] = [...kept, ...added];
  }
  merged.sources = [...((before.sources as string[] | undefined) ?? []), ...((found.sources as string[]) ?? [])].slice(-20);
  return merged;
}

function blankPatch(torch: string): FoundPatch {
  return {
    torch,
    variants: new Map(),
    freeThreaded: new Set(),
    cudnn: new Map(),
    torchvision: null,
    torchaudio: null,
    provenance: {},
    without: new Map(),
    pypiDefault: null,
    arm64: new Set(),
  };
}

function newestPerMinor(found: FoundPatch[]): FoundPatch[] {
  const best = new Map<string, FoundPatch>();
  for (const f of found) {
    const minor = `${semver.major(f.torch)}.${semver.minor(f.torch)}`;
    const b = best.get(minor);
    if (!b || semver.gt(f.torch, b.torch)) best.set(minor, f);
  }
  return [...best.values()];
}

async function metadataOf(file: IndexFile, client: PackageIndexClient, warnings: string[]) {
  try {
    return await readWheelMetadata(file, client);
  } catch (err) {
    warnings.push(`could not read the metadata of ${file.filename}: ${(err as Error).message.slice(0, 300)}`);
    return null;
  }
}

function refreshMarkdown(
  found: FoundPatch[],
  { jax, tensorflow }: { jax: JaxRelease[]; tensorflow: TfRelease[] },
  entries: number,
  notes: string[],
  warnings: string[],
  file: string | null,
): string {
  const out = [
    `### gpu-image-matrix refresh: ${found.length} new torch patch${found.length === 1 ? '' : 'es'}, ` +
      `${entries} data entr${entries === 1 ? 'y' : 'ies'} written`,
  ];
  if (file) out.push('', `Written to \`${file}\` (a compat-file).`);
  if (found.length) {
    out.push(
      '',
      '| torch | variants (Pythons) | linux/arm64 | torchvision | torchaudio | cuDNN | PyPI default |',
      '|---|---|---|---|---|---|---|',
    );
    for (const f of [...found].sort((a, b) => semver.rcompare(a.torch, b.torch))) {
      const variants = [...f.variants].map(([v, py]) => `${v} (${[...py].sort(byMinorNumber).join(', ')})`).join('<br>');
      const lib = (l: 'torchvision' | 'torchaudio'): string => {
        const missing = [...f.without].filter(([, libs]) => libs.includes(l)).map(([v]) => v);
        const inferred = f.provenance[l] === 'inferred' ? ' (inferred)' : '';
        return `${f[l] ?? 'none'}${inferred}${missing.length ? `, not on ${missing.join(', ')}` : ''}`;
      };
      const cudnn = [...f.cudnn].map(([v, c]) => `${v} ${c}`).join('<br>') || '-';
      const arm64 = [...f.arm64].join(', ') || '-';
      out.push(
        `| ${f.torch} | ${variants} | ${arm64} | ${lib('torchvision')} | ${lib('torchaudio')} | ${cudnn} | ${f.pypiDefault ?? '-'} |`,
      );
    }
  }
  if (jax.length) {
    out.push('', '| jax | Python | CUDA extras | released |', '|---|---|---|---|');
    for (const r of [...jax].reverse()) {
      out.push(`| ${r.version} | ${r.python.join(', ')} | ${r.cuda.map((m) => `cuda${m}`).join(', ') || '-'} | ${r.released} |`);
    }
  }
  if (tensorflow.length) {
    out.push('', '| tensorflow | patches | Python | CUDA | cuDNN | install |', '|---|---|---|---|---|---|');
    for (const r of tensorflow) {
      out.push(`| ${r.minor} | ${r.patches.join(', ')} | ${r.python.join(', ')} | ${r.cuda} | ${r.cudnn} | ${r.install} |`);
    }
  }
  if (notes.length) out.push('', ...notes.map((n) => `- ${n}`));
  if (warnings.length) out.push('', '**Could not be read:**', ...warnings.map((w) => `- ${w}`));
  if (!found.length && !jax.length && !tensorflow.length && !notes.length)
    out.push('', 'Nothing new: the bundled data matches the indexes and registry.');
  return `${out.join('\n')}\n`;
}
