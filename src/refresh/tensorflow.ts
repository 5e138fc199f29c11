import { byMinorNumber } from '../compat/checks.js';
import semver from 'semver';
import { nvidiaCudaSlimImage } from '../frameworks/framework.js';
import type { ReleaseData } from '../frameworks/index.js';
import type { TfRelease } from '../frameworks/tensorflow.js';
import type { WheelMetadata } from './wheel-metadata.js';
import { compareVersions } from '../verify/wheel.js';

/**
 * What refresh makes of PyPI's tensorflow: a new patch of a known minor is added to it; a new
 * minor is written from its wheels (Pythons) and its `and-cuda` extra (CUDA and cuDNN from the
 * nvidia-cuda-runtime and nvidia-cudnn requirements, the libraries as constraints), on the slim
 * nvidia/cuda base of the data's entry for that CUDA. Pure: commands/refresh.ts reads the pages.
 */

/** One requirement of tensorflow's and-cuda extra: an exact version, or the lower bound of a range. */
export interface AndCudaRequirement {
  project: string;
  /** "12.5.82" from ==12.5.82, or from >=12.5.82 in a range */
  version: string;
  exact: boolean;
}

/** The requirements of the `and-cuda` extra (Linux x86_64), with their exact version or lower bound. */
export function andCudaRequirements(meta: WheelMetadata): AndCudaRequirement[] {
  const out: AndCudaRequirement[] = [];
  for (const req of meta.requiresDist) {
    const [spec = '', marker = ''] = req.split(';');
    if (!/extra\s*==\s*["']and[-_]cuda["']/.test(marker)) continue;
    const otherOs = /platform_system\s*==\s*["'](Windows|Darwin)["']|sys_platform\s*==\s*["'](win32|darwin)["']/;
    if (otherOs.test(marker) || /platform_machine\s*==\s*["'](?!x86_64["'])/.test(marker)) continue;
    const m = /^\s*([A-Za-z0-9._-]+)\s*(?:\[[^\]]*\])?\s*\(?([^)]*)\)?\s*$/.exec(spec);
    if (!m?.[1]) continue;
    const specifiers = (m[2] ?? '').split(',').map((s) => s.replace(/\s/g, ''));
    const exact = specifiers.find((s) => /^==\d+(\.\d+)*$/.test(s));
    const lower = specifiers.find((s) => /^>=\d+(\.\d+)*$/.test(s));
    const version = (exact ?? lower)?.slice(2);
    if (version) out.push({ project: m[1].toLowerCase().replace(/[._]/g, '-'), version, exact: Boolean(exact) });
  }
  return out;
}

/** The NumPy bound TensorFlow's METADATA states, in the data's form: "<2" where it needs NumPy 1. */
export function numpyBound(meta: WheelMetadata): string | undefined {
  for (const req of meta.requiresDist) {
    const [spec = '', marker = ''] = req.split(';');
    if (/extra\s*==/.test(marker)) continue;
    const m = /^\s*numpy\s*\(?([^)]*)\)?\s*$/i.exec(spec);
    const upper = m?.[1]?.split(',').find((s) => /^\s*<\s*2(\.0)*\s*$/.test(s));
    if (upper) return '<2';
  }
  return undefined;
}

/** What refresh read of one new tensorflow minor. */
export interface TfRead {
  minor: string;
  /** its stable patches on the index, ascending */
  patches: string[];
  /** CPython minors with manylinux x86_64 wheels of its newest patch */
  pythons: Set<string>;
  /** the newest patch's METADATA; null where it could not be read */
  meta: WheelMetadata | null;
}

/**
 * The release entry of a new tensorflow minor, or null (with a note) where its CUDA cannot be told
 * (no METADATA, no and-cuda extra naming nvidia-cuda-runtime) or the data has no entry for it.
 */
export function tfRelease(data: ReleaseData, read: TfRead, source: string, today: string, notes: string[]): TfRelease | null {
  const newest = read.patches[read.patches.length - 1] ?? read.minor;
  if (!read.meta) {
    notes.push(`tensorflow ${newest}: its METADATA could not be read: not written`);
    return null;
  }
  const reqs = andCudaRequirements(read.meta);
  const runtime = reqs.find((r) => /^nvidia-cuda-runtime-cu\d+$/.test(r.project));
  const cudnn = reqs.find((r) => /^nvidia-cudnn-cu\d+$/.test(r.project));
  if (!runtime || !cudnn) {
    notes.push(
      `tensorflow ${newest}: its and-cuda extra names no nvidia-cuda-runtime and nvidia-cudnn: not written (add it with compat-file)`,
    );
    return null;
  }
  const majorMinor = (v: string): string => v.split('.').slice(0, 2).join('.');
  const cudaVersion = majorMinor(runtime.version);
  if (!read.pythons.size) {
    notes.push(`tensorflow ${newest}: no manylinux x86_64 wheels: not written`);
    return null;
  }
  // The newest release of the same CUDA major gives what PyPI does not say: the OS and TensorFlow's driver note.
  const sameMajor = [...data.tensorflow]
    .filter((r) => r.cuda.split('.')[0] === cudaVersion.split('.')[0])
    .sort((a, b) => semver.rcompare(`${a.minor}.0`, `${b.minor}.0`))[0];
  const image = baseOf(data, cudaVersion, sameMajor);
  if (!image) {
    notes.push(
      `tensorflow ${newest} is built for CUDA ${cudaVersion}, and the data has no CUDA ${cudaVersion} entry ` +
        '(image tags, driver) nor a tensorflow release on it: not written',
    );
    return null;
  }
  const ranged = reqs.some((r) => !r.exact);
  const numpy = numpyBound(read.meta);
  return {
    minor: read.minor,
    status: 'stable',
    patches: read.patches,
    python: [...read.pythons].sort(byMinorNumber),
    cuda: cudaVersion,
    cudnn: majorMinor(cudnn.version),
    // exact pins install as they are; ranges are held at their lower bounds by a constraints file
    install: ranged ? 'and-cuda-constrained' : 'and-cuda',
    ...(numpy ? { numpy } : {}),
    cudaLibraries: ranged
      ? reqs
          .filter((r) => r.project.startsWith('nvidia-'))
          .map((r) => `${r.project}==${r.version}`)
          .sort()
      : [],
    baseImage: nvidiaCudaSlimImage(image.cudaFull, image.ubuntu),
    cudaFull: image.cudaFull,
    os: `ubuntu${image.ubuntu}`,
    minDriver: image.minDriver,
    minorCompatDriver: sameMajor?.minorCompatDriver ?? image.minDriver,
    provenance: {
      python: 'read',
      cuda: 'read',
      patches: 'read',
      baseImage: 'inferred',
      minDriver: image.from === 'cuda' ? 'read' : 'inferred',
      ...(ranged ? { cudaLibraries: 'read' } : {}),
    },
    notes: [
      `read by gpu-image-matrix refresh on ${today} from ${source}: Pythons from the wheels of ${newest}, CUDA ${cudaVersion} and cuDNN ` +
        `from its and-cuda extra (${runtime.project} ${runtime.version}, ${cudnn.project} ${cudnn.version})` +
        (ranged ? '; and-cuda gives ranges: the constraints hold each library at its lower bound' : '') +
        `; the OS and minorCompatDriver follow tensorflow ${sameMajor?.minor ?? '(none)'} (inferred)` +
        (image.from === 'cuda'
          ? ''
          : `; the data has no CUDA ${cudaVersion} entry: the image and driver of tensorflow ${image.from} (inferred)`),
    ],
  };
}

/**
 * A known minor with new patches added (everything else as the data has it), or null (with a note)
 * where the newest one's and-cuda extra asks for a library above the version the minor's
 * constraints hold it at: the resolver would refuse that build, so a person decides.
 */
export function withPatches(release: TfRelease, patches: string[], meta: WheelMetadata | null, notes: string[]): TfRelease | null {
  const newest = patches[patches.length - 1];
  const held = new Map(release.cudaLibraries.map((pin) => pin.split('==') as [string, string]));
  const above = (meta ? andCudaRequirements(meta) : []).filter((r) => {
    const pinned = held.get(r.project);
    return pinned !== undefined && compareVersions(r.version, pinned) > 0;
  });
  if (release.install === 'and-cuda-constrained' && above.length) {
    notes.push(
      `tensorflow ${newest}: not added to ${release.minor}, as its and-cuda extra asks for ` +
        `${above.map((r) => `${r.project}>=${r.version}`).join(', ')}, above what ${release.minor}'s constraints hold ` +
        `(${above.map((r) => `==${held.get(r.project)}`).join(', ')}): add it with a compat-file`,
    );
    return null;
  }
  const all = [...new Set([...release.patches, ...patches])].sort(semver.compare);
  return { ...release, patches: all, notes: [...release.notes, `patches ${patches.join(', ')} found by gpu-image-matrix refresh on PyPI`] };
}

/**
 * The image a new release on `cudaVersion` starts from: the data's CUDA entry (its newest point
 * release, on the OS the same major's last release used where it has it), else what the newest
 * tensorflow release on that CUDA used (CUDA 12.5 has no entry: TensorFlow 2.18-2.21 carry their own).
 */
function baseOf(
  data: ReleaseData,
  cudaVersion: string,
  sameMajor: TfRelease | undefined,
): { cudaFull: string; ubuntu: string; minDriver: string; from: string } | null {
  const cuda = data.cuda.find((c) => c.version === cudaVersion);
  if (cuda) {
    const previous = sameMajor?.os.replace('ubuntu', '');
    const ubuntu = previous && cuda.image.ubuntu.includes(previous) ? previous : cuda.image.ubuntu[cuda.image.ubuntu.length - 1];
    return ubuntu ? { cudaFull: cuda.release, ubuntu, minDriver: cuda.minDriver, from: 'cuda' } : null;
  }
  const same = [...data.tensorflow]
    .filter((r) => r.cuda === cudaVersion)
    .sort((a, b) => semver.rcompare(`${a.minor}.0`, `${b.minor}.0`))[0];
  return same ? { cudaFull: same.cudaFull, ubuntu: same.os.replace('ubuntu', ''), minDriver: same.minDriver, from: same.minor } : null;
}
