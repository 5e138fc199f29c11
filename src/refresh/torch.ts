import { byMinorNumber } from '../compat/checks.js';
import semver from 'semver';
import type { CudaRelease } from '../compat/schema.js';
import { cudaVersionOfVariant } from '../compat/variant.js';
import type { TorchPatch, TorchRelease } from '../frameworks/pytorch.js';
import type { ReleaseData } from '../frameworks/index.js';
import type { IndexFile } from '../verify/index-page.js';
import { parseWheelName, publicVersion } from '../verify/wheel.js';

/**
 * What refresh makes of PyTorch's index: the releases each CUDA variant ships and their Pythons,
 * the torchvision and torchaudio that pair with each (from the libraries' own Requires-Dist), the
 * cuDNN each variant's torch requires; merged with the bundled data into release entries in the
 * compat-file schema. Pure: the effects layer fetches the pages and metadata (commands/refresh.ts).
 */

/** What one variant's index has of one project: per public stable version, its CPython minors and files. */
export type VersionFiles = Map<string, { pythons: Set<string>; freeThreaded: Set<string>; files: IndexFile[] }>;

/** Linux CPython wheels of `project` for a machine (x86_64, aarch64), by stable version ("2.4.1+cu124" -> "2.4.1"). */
export function versionsOn(files: IndexFile[], project: string, machine: 'x86_64' | 'aarch64' = 'x86_64'): VersionFiles {
  const linux = new RegExp(`^(linux|manylinux\\w*)_${machine}$`);
  const out: VersionFiles = new Map();
  for (const f of files) {
    const w = parseWheelName(f.filename);
    if (!w || w.project !== project) continue;
    const version = publicVersion(w.version);
    if (!semver.valid(version) || semver.prerelease(version)) continue;
    if (!w.platforms.some((p) => linux.test(p))) continue;
    const slot = out.get(version) ?? { pythons: new Set<string>(), freeThreaded: new Set<string>(), files: [] };
    for (const py of w.pythons) {
      const m = /^cp3(\d+)$/.exec(py);
      if (!m) continue;
      const minor = `3.${m[1]}`;
      if (w.abis.includes(`${py}t`)) slot.freeThreaded.add(minor);
      else slot.pythons.add(minor);
    }
    slot.files.push(f);
    out.set(version, slot);
  }
  return out;
}

/** The wheel variants to ask for: every one the data knows, cpu, and the next CUDA minors and major. */
export function variantsToProbe(data: ReleaseData): string[] {
  const known = new Set(data.torch.flatMap((r) => r.cuda.variants));
  const byMajor = new Map<number, number>();
  for (const v of known) {
    const [major, minor] = cudaVersionOfVariant(v).split('.').map(Number) as [number, number];
    byMajor.set(major, Math.max(byMajor.get(major) ?? 0, minor));
  }
  const newest = Math.max(...byMajor.keys());
  const next = [...byMajor].flatMap(([major, minor]) => [`cu${major}${minor + 1}`, `cu${major}${minor + 2}`]);
  return [...new Set([...known, ...next, `cu${newest + 1}0`, 'cpu'])].sort(byVariant);
}

function byVariant(a: string, b: string): number {
  if (a === 'cpu' || b === 'cpu') return a === 'cpu' ? 1 : -1;
  return Number(a.slice(2)) - Number(b.slice(2));
}

/** The torch patches the data already knows. */
export function knownPatches(data: ReleaseData): Set<string> {
  return new Set(data.torch.flatMap((r) => r.patches.map((p) => p.torch)));
}

/** What refresh found for one new torch patch, per variant. */
export interface FoundPatch {
  torch: string;
  /** variant -> its Pythons for this patch */
  variants: Map<string, Set<string>>;
  /** Python minors with free-threaded wheels on some variant */
  freeThreaded: Set<string>;
  /** variant -> the cuDNN its torch wheel requires, where the metadata was read */
  cudnn: Map<string, string>;
  torchvision: string | null;
  torchaudio: string | null;
  /** where a pairing was read (read) or taken from the version pattern (inferred) */
  provenance: { torchvision?: 'read' | 'inferred'; torchaudio?: 'read' | 'inferred' };
  /** variant -> libraries whose paired version that variant's index lacks */
  without: Map<string, ('torchvision' | 'torchaudio')[]>;
  /** the variant PyPI's torch wheel is built for, where read */
  pypiDefault: string | null;
  /** the variants (cpu included) whose index has linux aarch64 wheels of this patch */
  arm64: Set<string>;
}

export interface RefreshResult {
  /** complete torch releases (a minor replaces the bundled one of that minor) */
  torch: TorchRelease[];
  /** CUDA entries whose point release moved (NVIDIA removed the older update's tags) */
  cuda: CudaRelease[];
}

/**
 * Release entries for the new patches: a known minor gets them added (everything else kept), a new
 * minor is made from what was read, with what could not be read taken from the previous minor and
 * marked inferred. Variants without a CUDA entry in the data are left out (they need a driver).
 */
export function torchReleases(data: ReleaseData, found: FoundPatch[], notes: string[]): TorchRelease[] {
  const cudaKnown = new Set(data.cuda.map((c) => c.version));
  const byMinor = new Map<string, FoundPatch[]>();
  for (const f of found) {
    const minor = `${semver.major(f.torch)}.${semver.minor(f.torch)}`;
    byMinor.set(minor, [...(byMinor.get(minor) ?? []), f]);
  }
  const out: TorchRelease[] = [];
  for (const [minor, patches] of byMinor) {
    const bundled = data.torch.find((r) => r.minor === minor);
    const previous = [...data.torch]
      .filter((r) => semver.lt(`${r.minor}.0`, `${minor}.0`))
      .sort((a, b) => semver.rcompare(`${a.minor}.0`, `${b.minor}.0`))[0];
    const usable = (v: string): boolean => {
      if (v === 'cpu') return false;
      if (cudaKnown.has(cudaVersionOfVariant(v))) return true;
      notes.push(
        `torch ${minor}: ${v} wheels exist, but the data has no CUDA ${cudaVersionOfVariant(v)} entry ` +
          '(image tags, driver): add one with compat-file',
      );
      return false;
    };
    const newestPatch = [...patches].sort((a, b) => semver.rcompare(a.torch, b.torch))[0] as FoundPatch;
    const variants = [...newestPatch.variants.keys()].filter(usable).sort(byVariant);
    if (!variants.length) continue;
    const patchEntries: TorchPatch[] = patches.map((f) => ({
      torch: f.torch,
      torchvision: f.torchvision,
      torchaudio: f.torchaudio,
      ...(f.provenance.torchvision || f.provenance.torchaudio ? { provenance: { ...f.provenance } } : {}),
    }));
    if (bundled) {
      // A new patch of a known minor: added beside the others, nothing else changed.
      const merged = [...bundled.patches, ...patchEntries].sort((a, b) => semver.rcompare(a.torch, b.torch));
      out.push({ ...structuredClone(bundled), patches: merged });
      continue;
    }
    const pythons = [...new Set(variants.flatMap((v) => [...(newestPatch.variants.get(v) ?? [])]))].sort(byMinorNumber);
    const cudnn: Record<string, string> = {};
    let cudnnInferred = false;
    for (const v of variants) {
      const read = newestPatch.cudnn.get(v);
      const prior = previous?.cuda.cudnn[v] ?? previous?.cuda.cudnn[previous.cuda.variants[previous.cuda.variants.length - 1] as string];
      if (read) cudnn[v] = read;
      else if (prior) {
        cudnn[v] = prior;
        cudnnInferred = true;
      }
    }
    const withCudnn = variants.filter((v) => cudnn[v]);
    const defaultRead = newestPatch.pypiDefault && withCudnn.includes(newestPatch.pypiDefault) ? newestPatch.pypiDefault : null;
    const pypiDefault =
      defaultRead ??
      (previous && withCudnn.includes(previous.cuda.pypiDefault) ? previous.cuda.pypiDefault : (withCudnn[withCudnn.length - 1] as string));
    const without: Record<string, ('torchvision' | 'torchaudio')[]> = {};
    for (const [v, libs] of newestPatch.without) if (withCudnn.includes(v) && libs.length) without[v] = libs;
    // linux/arm64: the variants of this release that have aarch64 wheels of its newest patch, read from the same listings.
    const arm64 = [...newestPatch.arm64].filter((v) => v === 'cpu' || withCudnn.includes(v)).sort(byVariant);
    out.push({
      minor,
      status: 'stable',
      python: {
        supported: pythons,
        experimental: [],
        ...(newestPatch.freeThreaded.size ? { freeThreaded: [...newestPatch.freeThreaded].sort(byMinorNumber) } : {}),
      },
      cuda: { variants: withCudnn, pypiDefault, cudnn, ...(Object.keys(without).length ? { without } : {}) },
      ...(arm64.length ? { arm64: { variants: arm64, notes: ['found by refresh: linux aarch64 wheels on the PyTorch index'] } } : {}),
      ...(previous?.numpy && semver.lt(`${minor}.0`, '2.3.0') ? { numpy: previous.numpy } : {}),
      patches: patchEntries.sort((a, b) => semver.rcompare(a.torch, b.torch)),
      provenance: {
        python: 'read',
        cuda: cudnnInferred ? 'inferred' : 'read',
        pypiDefault: defaultRead ? 'read' : 'inferred',
        ...(Object.keys(without).length ? { without: 'read' as const } : {}),
        ...(newestPatch.freeThreaded.size ? { freeThreaded: 'read' as const } : {}),
      },
      notes: [`found by refresh on the PyTorch index (${[...newestPatch.variants.keys()].sort(byVariant).join(', ')})`],
    });
  }
  return out;
}

/**
 * CUDA entries whose images are gone: NVIDIA keeps only the newest update of a CUDA version, so
 * when `<release>-<cudnn>-runtime-ubuntu<v>` is missing and a later update has that tag, the entry
 * moves to it.
 */
export function cudaUpdates(data: ReleaseData, tags: Set<string>, notes: string[]): CudaRelease[] {
  const out: CudaRelease[] = [];
  for (const c of data.cuda) {
    const tagOf = (release: string, ubuntu: string): string =>
      `${release}-${c.image.cudnnToken ? `${c.image.cudnnToken}-` : ''}runtime-ubuntu${ubuntu}`;
    const missing = c.image.ubuntu.filter((u) => !tags.has(tagOf(c.release, u)));
    if (!missing.length) continue;
    const updates = [
      ...new Set(
        [...tags].map((t) => new RegExp(`^(${c.version.replace('.', '\\.')}\\.\\d+)-`).exec(t)?.[1]).filter((r): r is string => Boolean(r)),
      ),
    ]
      .filter((r) => semver.gt(r, c.release))
      .sort(semver.rcompare);
    const update = updates.find((r) => c.image.ubuntu.every((u) => tags.has(tagOf(r, u))));
    if (update) {
      notes.push(
        `CUDA ${c.version}: the ${c.release} images are gone; ${update} has them ` +
          `(${c.image.ubuntu.map((u) => tagOf(update, u)).join(', ')})`,
      );
      out.push({ ...structuredClone(c), release: update, provenance: { ...c.provenance, image: 'read' } });
    } else {
      notes.push(
        `CUDA ${c.version}: no ${missing.map((u) => tagOf(c.release, u)).join(', ')} and no later update with them: check the data by hand`,
      );
    }
  }
  return out;
}
