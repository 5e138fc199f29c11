import semver from 'semver';
import type { JaxRelease, FrameworkData, TfRelease } from '../compat/frameworks.js';
import type { CompatData } from '../compat/schema.js';
import { UserError, listWords } from '../errors.js';
import { namedEntry, type JaxEntry, type MatrixEntry, type TensorflowEntry } from './entry.js';
import {
  minorSatisfies,
  type CudaSelector,
  type FlavorSelector,
  type OsSelector,
  type PythonSelector,
  type TorchSelector,
} from './selectors.js';

/**
 * Resolution for TensorFlow and JAX: versions × CUDA × Python × OS, filtered by their release
 * data. Pure. TensorFlow's CUDA follows from the release (a requested CUDA that is not the
 * release's is skipped with the reason); JAX's CUDA is a major, one wheel extra each.
 */

export type OtherFramework = 'tensorflow' | 'jax';

export interface FrameworkCell {
  version: TorchSelector;
  cuda: CudaSelector;
  python: PythonSelector;
  os: OsSelector;
  flavor: FlavorSelector;
}

export interface FrameworkSkip {
  framework: OtherFramework;
  version: string;
  cuda: string;
  python: string;
  os: string;
  flavor: string;
  reason: string;
}

type Outcome<T> = { ok: T } | { reason: string };

interface Release {
  version: string;
  minor: string;
  python: string[];
}

export class FrameworkResolver {
  readonly warnings = new Set<string>();

  constructor(
    private readonly data: FrameworkData,
    private readonly compat: CompatData,
  ) {}

  /** Entries for one cell; what the data rules out goes to `skip` (or, with no skip, is the thrown error). */
  resolve(framework: OtherFramework, cell: FrameworkCell, skip?: (s: FrameworkSkip) => void): MatrixEntry[] {
    const out: MatrixEntry[] = [];
    let last = '';
    const skipped = (version: string, cuda: string, python: string, os: string, reason: string): void => {
      last = reason;
      skip?.({ framework, version, cuda, python, os, flavor: cell.flavor.flavor, reason });
    };
    for (const release of this.versions(framework, cell.version)) {
      if (cell.flavor.flavor === 'devel') {
        skipped(
          release.version,
          cell.cuda.text,
          cell.python.text,
          cell.os.text,
          `${framework} images start from nvidia/cuda base images with the CUDA libraries from pip; there is no devel flavor (use flavor runtime, and add a compiler with apt-packages)`,
        );
        continue;
      }
      const cuda =
        framework === 'tensorflow'
          ? this.tfCuda(this.tfRelease(release.version), cell.cuda)
          : this.jaxCuda(this.jaxRelease(release.version), cell.cuda);
      if ('reason' in cuda) {
        skipped(release.version, cell.cuda.text, cell.python.text, cell.os.text, cuda.reason);
        continue;
      }
      const python = this.python(framework, release, cell.python);
      if ('reason' in python) {
        skipped(release.version, cuda.ok.variant, cell.python.text, cell.os.text, python.reason);
        continue;
      }
      for (const py of python.ok) {
        const os = this.os(framework, release, cuda.ok, cell.os);
        if ('reason' in os) {
          skipped(release.version, cuda.ok.variant, py, cell.os.text, os.reason);
          continue;
        }
        out.push(
          framework === 'tensorflow'
            ? this.tfEntry(release.version, cuda.ok, py, os.ok)
            : this.jaxEntry(release.version, cuda.ok, py, os.ok),
        );
      }
    }
    if (out.length === 0 && !skip)
      throw new UserError(`${cell.version.field}: ${framework} ${cell.version.text} was never shipped for ${describeCell(cell)}: ${last}`);
    return out;
  }

  // -- versions --------------------------------------------------------------------------------

  /** Whether a version matches a selector as it would select (include, exclude). */
  versionMatches(framework: OtherFramework, version: string, sel: TorchSelector): boolean {
    switch (sel.kind) {
      case 'latest':
        return this.known(framework)[0]?.version === version;
      case 'exact':
        return version === sel.version;
      case 'minor':
        return version.split('.').slice(0, 2).join('.') === sel.minor;
      case 'range':
        return semver.satisfies(version, sel.range);
    }
  }

  private known(framework: OtherFramework): Release[] {
    const list =
      framework === 'tensorflow'
        ? this.data.tensorflow.flatMap((r) => r.patches.map((p) => ({ version: p, minor: r.minor, python: r.python })))
        : this.data.jax.map((r) => ({ version: r.version, minor: r.version.split('.').slice(0, 2).join('.'), python: r.python }));
    return list.sort((a, b) => semver.rcompare(a.version, b.version));
  }

  private versions(framework: OtherFramework, sel: TorchSelector): Release[] {
    const known = this.known(framework);
    const span = `${known[known.length - 1]?.version} to ${known[0]?.version}`;
    switch (sel.kind) {
      case 'latest':
        return known.slice(0, 1);
      case 'exact': {
        const hit = known.find((k) => k.version === sel.version);
        if (hit) return [hit];
        const sameMinor = known
          .filter((k) => k.minor === `${semver.major(sel.version)}.${semver.minor(sel.version)}`)
          .map((k) => k.version);
        throw new UserError(
          sameMinor.length
            ? `${sel.field}: ${framework} ${sel.version} is not in the release data; ${framework} ${sameMinor[0]?.split('.').slice(0, 2).join('.')} has ${listWords(sameMinor.reverse())}`
            : `${sel.field}: ${framework} ${sel.version} is not in the release data (it knows ${span})${framework === 'tensorflow' && sel.version.startsWith('2.22') ? '; 2.22 is left out: its CUDA and cuDNN are not in the tested-build table' : ''}`,
        );
      }
      case 'minor': {
        const newest = known.find((k) => k.minor === sel.minor);
        if (!newest)
          throw new UserError(
            `${sel.field}: ${framework} ${sel.minor} is not in the release data; known: ${[...new Set(known.map((k) => k.minor))].reverse().join(', ')}`,
          );
        return [newest];
      }
      case 'range': {
        const perMinor = new Map<string, Release>();
        for (const k of known) if (!perMinor.has(k.minor) && semver.satisfies(k.version, sel.range)) perMinor.set(k.minor, k);
        if (perMinor.size === 0)
          throw new UserError(`${sel.field}: ${JSON.stringify(sel.text)} matches no ${framework} release in the data (it knows ${span})`);
        return [...perMinor.values()];
      }
    }
  }

  private tfRelease(version: string): TfRelease {
    return this.data.tensorflow.find((r) => r.patches.includes(version)) as TfRelease;
  }

  private jaxRelease(version: string): JaxRelease {
    return this.data.jax.find((r) => r.version === version) as JaxRelease;
  }

  // -- CUDA ------------------------------------------------------------------------------------

  private tfCuda(release: TfRelease, sel: CudaSelector): Outcome<CudaChoice> {
    const gpu: CudaChoice = {
      cuda: release.cuda,
      variant: `cu${release.cuda.replace('.', '')}`,
      full: release.cudaFull,
      cudnn: release.cudnn,
      baseImage: release.baseImage,
      minDriver: release.minDriver,
      os: [release.os.replace('ubuntu', '')],
    };
    const built = `tensorflow ${release.minor} is built for CUDA ${release.cuda} (cuDNN ${release.cudnn}); its CUDA follows from the release`;
    switch (sel.kind) {
      case 'default':
        return { ok: gpu };
      case 'cpu':
        return { ok: this.cpuChoice() };
      case 'minor':
        return sel.version === release.cuda ? { ok: gpu } : { reason: `${built}, not ${sel.version}` };
      case 'major':
        return release.cuda.split('.')[0] === sel.major ? { ok: gpu } : { reason: `${built}, not CUDA ${sel.major}` };
    }
  }

  private jaxCuda(release: JaxRelease, sel: CudaSelector): Outcome<CudaChoice> {
    const choice = (major: string): Outcome<CudaChoice> => {
      const extra = this.data.jaxCuda[major];
      if (!extra || !release.cuda.includes(major)) {
        return {
          reason: `jax ${release.version} has no stable jax[cuda${major}] extra; it has ${release.cuda.map((m) => `cuda${m}`).join(', ')} and cpu`,
        };
      }
      const base = this.compat.cuda.find((c) => c.version === extra.baseCuda);
      if (!base) return { reason: `the release data has no nvidia/cuda ${extra.baseCuda} image for jax[cuda${major}]` };
      return {
        ok: {
          cuda: base.version,
          variant: extra.extra,
          full: base.release,
          cudnn: null,
          baseImage: `nvidia/cuda:${base.release}-base-ubuntu{ubuntu}`,
          minDriver: base.minDriver,
          os: base.image.ubuntu,
        },
      };
    };
    switch (sel.kind) {
      case 'default':
        return choice('12'); // plain jax[cuda] is jax[cuda12]
      case 'cpu':
        return { ok: this.cpuChoice() };
      case 'major':
        return choice(sel.major);
      case 'minor':
        return {
          reason: `jax's CUDA wheels come per major (jax[cuda12], jax[cuda13]), not per minor: ask for cuda ${sel.version.split('.')[0]}`,
        };
    }
  }

  private cpuChoice(): CudaChoice {
    return {
      cuda: 'cpu',
      variant: 'cpu',
      full: null,
      cudnn: null,
      baseImage: 'ubuntu:{ubuntu}',
      minDriver: null,
      os: this.compat.cpuImage.ubuntu,
    };
  }

  // -- Python and OS ---------------------------------------------------------------------------

  private python(framework: OtherFramework, release: Release, sel: PythonSelector): Outcome<string[]> {
    const list = release.python;
    const span = `${list[0]}–${list[list.length - 1]}`;
    switch (sel.kind) {
      case 'default':
        return { ok: [list[list.length - 1] as string] };
      case 'exact':
        return list.includes(sel.version)
          ? { ok: [sel.version] }
          : { reason: `${framework} ${release.version} has wheels for Python ${span}; not ${sel.version}` };
      case 'range': {
        const hits = list.filter((v) => minorSatisfies(v, sel.range));
        return hits.length
          ? { ok: hits }
          : { reason: `${framework} ${release.version} has wheels for Python ${span}; none of them matches ${sel.text}` };
      }
    }
  }

  private os(framework: OtherFramework, release: Release, cuda: CudaChoice, sel: OsSelector): Outcome<string> {
    const available = cuda.os;
    if (sel.kind === 'default') return { ok: available[available.length - 1] as string };
    if (available.includes(sel.ubuntu)) return { ok: sel.ubuntu };
    return {
      reason: `${framework} ${release.version} images for ${cuda.variant} are built on ${available.map((u) => `ubuntu${u}`).join(', ')}; not ${sel.text}`,
    };
  }

  // -- entries ---------------------------------------------------------------------------------

  private tfEntry(version: string, cuda: CudaChoice, python: string, ubuntu: string): TensorflowEntry {
    const release = this.tfRelease(version);
    for (const [what, p] of Object.entries(release.provenance)) {
      if (p === 'inferred' && (what !== 'baseImage' || cuda.cuda !== 'cpu')) {
        this.warnings.add(
          `tensorflow ${release.minor}: the ${what === 'cudaLibraries' ? 'CUDA library pins' : what === 'baseImage' ? `base image ${release.baseImage}` : what} ${what === 'cudaLibraries' ? 'are' : 'is'} inferred, not read; check before relying on it`,
        );
      }
    }
    if (release.install === 'and-cuda' && cuda.cuda !== 'cpu') {
      this.warnings.add(
        `tensorflow ${release.minor}: its CUDA library versions are not in the data; tensorflow[and-cuda] pins them exactly, and the image's inventory records them`,
      );
    }
    return namedEntry<TensorflowEntry>({
      framework: 'tensorflow',
      tensorflow: version,
      cuda: cuda.cuda,
      cudaVariant: cuda.variant,
      cudaFull: cuda.full,
      cudnn: cuda.cudnn,
      python,
      os: `ubuntu${ubuntu}`,
      flavor: 'runtime',
      baseImage: cuda.baseImage.replace('{ubuntu}', ubuntu),
      minDriver: cuda.minDriver,
    });
  }

  private jaxEntry(version: string, cuda: CudaChoice, python: string, ubuntu: string): JaxEntry {
    if (cuda.cuda !== 'cpu') {
      this.warnings.add(
        `jax ${version} ${cuda.variant}: jax's CUDA wheels have lower bounds only, so a rebuild can get newer ones; the image's inventory records what it got (pin them with pip-packages to hold them)`,
      );
    }
    return namedEntry<JaxEntry>({
      framework: 'jax',
      jax: version,
      cuda: cuda.cuda,
      cudaVariant: cuda.variant,
      cudaFull: cuda.full,
      cudnn: null,
      python,
      os: `ubuntu${ubuntu}`,
      flavor: 'runtime',
      baseImage: cuda.baseImage.replace('{ubuntu}', ubuntu),
      minDriver: cuda.minDriver,
    });
  }
}

interface CudaChoice {
  cuda: string;
  variant: string;
  full: string | null;
  cudnn: string | null;
  /** with {ubuntu} to fill */
  baseImage: string;
  minDriver: string | null;
  /** Ubuntu versions the base image exists for */
  os: string[];
}

function describeCell(cell: FrameworkCell): string {
  return [`cuda ${cell.cuda.text}`, `python ${cell.python.text}`, `os ${cell.os.text}`].join(', ');
}
