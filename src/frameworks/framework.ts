import type { DataSection, Problems } from '../compat/checks.js';
import type { CudaRelease } from '../compat/schema.js';
import type { Customisation } from '../custom/customisation.js';
import type { EntryFields } from '../matrix/entry.js';
import type { Platform } from '../matrix/platform.js';
import type { CudaSelector, Flavor } from '../matrix/selectors.js';
import type { Diagnosis } from '../smoke/diagnose.js';
import type { ReleaseData } from './index.js';
import { shellWord } from '../template/shell.js';

/**
 * What a framework (PyTorch, TensorFlow, JAX, ...) brings to the planner, the template and the
 * smoke check. One object per framework (src/frameworks/<name>.ts), registered in
 * src/frameworks/index.ts; everything generic (the cross product, include/exclude, skips, naming,
 * keys, tags) is written once in src/matrix/ and calls these. Pure: no I/O.
 */

/** A release the planner can pick: one version of the framework. */
export interface FrameworkRelease {
  /** "2.4.1" */
  version: string;
  /** "2.4" */
  minor: string;
  /** false for a release candidate, which ranges and `latest` never pick */
  stable: boolean;
  /** a nightly build's date (YYYYMMDD): picked by a nightly selector only */
  nightly?: string;
  /** the nightly `nightly` (no date) means: the one the nightly index read chose */
  newestNightly?: boolean;
}

/** One way to get CUDA for a release: a wheel variant and the base image it is built on. */
export interface CudaChoice {
  /** "12.4", or "cpu" */
  cuda: string;
  /** the wheel variant: "cu124" (torch, tensorflow), "cuda12" (jax's extra), or "cpu" */
  variant: string;
  /** NVIDIA's point release of the base image: "12.4.1"; null for cpu */
  full: string | null;
  cudnn: string | null;
  minDriver: string | null;
  /** Ubuntu versions a base image exists for, oldest first */
  ubuntu: string[];
  /** what those images are, for a skip reason: "nvidia/cuda 12.4.1 images exist" */
  imagesAre: string;
}

/** A distribution an entry installs at an exact version, and the index it comes from. */
export interface PinnedWheel {
  project: string;
  version: string;
  /** the simple-API root: "https://download.pytorch.org/whl/cu124", "https://pypi.org/simple" */
  index: string;
  /** the install names a floor (>=), not the version itself */
  atLeast?: boolean;
}

/** PyPI's simple API, where TensorFlow, JAX and the team's packages come from unless a mirror is set. */
export const PYPI_SIMPLE = 'https://pypi.org/simple';

/** The index an entry's PyPI packages come from: pypi-index-url, else PyPI. */
export function pypiIndexOf(entry: EntryFields): string {
  return entry.customisation?.pypiIndexUrl ?? PYPI_SIMPLE;
}

/** ` --index-url '<url>'` for an install from PyPI when a mirror replaces it; '' for PyPI itself. */
export function pypiIndexFlag(entry: EntryFields): string {
  const url = entry.customisation?.pypiIndexUrl;
  return url ? ` --index-url ${shellWord(url)}` : '';
}

/** "nvidia-cudnn-cu12==9.1.0.70" -> its name and version; null for anything but an exact pin. */
export function exactPin(requirement: string): { project: string; version: string } | null {
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([A-Za-z0-9.+!_-]+)$/.exec(requirement.trim());
  return m ? { project: m[1] as string, version: m[2] as string } : null;
}

export type Outcome<T> = { ok: T } | { reason: string };

/** What resolution gives a framework: the data, and where warnings for the plan go. */
export interface PlanContext {
  data: ReleaseData;
  warn: (message: string) => void;
}

/** The parts one entry is made of, before it is named. */
export interface EntryParts<R extends FrameworkRelease = FrameworkRelease> {
  release: R;
  choice: CudaChoice;
  python: string;
  ubuntu: string;
  flavor: Flavor;
}

/** A rule that explains a smoke-check failure from the container's output. */
export interface SmokeRule {
  pattern: RegExp;
  diagnose(m: RegExpMatchArray, entry: EntryFields & { framework: string }): Diagnosis;
}

/** A column of the plan table that only this framework fills (torch: torchvision, torchaudio). */
export interface PlanColumn<E> {
  title: string;
  value(entry: E): string | null;
}

export interface Framework<E extends EntryFields = EntryFields, R extends FrameworkRelease = FrameworkRelease> {
  /** the value of an entry's `framework` field: "pytorch" */
  readonly id: string;
  /** the spec key, the entry field and the placeholder that hold its version: "torch" */
  readonly key: string;
  /** an example version for messages: "2.4.1" */
  readonly example: string;
  /** whether `nightly` / `nightly-YYYYMMDD` plan its nightly builds (read from its index before planning) */
  readonly nightlies?: boolean;

  // -- release data ----------------------------------------------------------------------------

  /** the sections of the release data (and of a compat-file) this framework owns */
  readonly sections: readonly DataSection[];
  /** every release, newest first */
  releases(data: ReleaseData): R[];
  /** checks that need the whole merged data (a wheel variant needs its CUDA entry, ...) */
  checkReferences?(p: Problems, data: ReleaseData): void;

  // -- resolution ------------------------------------------------------------------------------

  /** the CUDA variants a release has for a request (several for a major) */
  cuda(release: R, sel: CudaSelector, context: PlanContext): Outcome<CudaChoice[]>;
  /** the cuda value that asks for exactly this entry's variant (what a fan-out job re-resolves) */
  cudaRequest(entry: E): string;
  /**
   * Python minors with wheels, ascending; experimental ones are used only when asked for exactly, and
   * so are the minors with free-threaded wheels (asked for as "3.13t")
   */
  pythons(release: R): { supported: string[]; experimental: string[]; freeThreaded?: string[] };
  /** why a flavor cannot be built for a CUDA choice, or null */
  flavorReason(flavor: Flavor, choice: CudaChoice): string | null;
  /**
   * why a release's CUDA choice cannot be built for a platform (no wheels or base image for it in the
   * data), or null when it can; every release ships linux/amd64
   */
  platformReason(release: R, choice: CudaChoice, platform: Platform, context: PlanContext): string | null;
  /** what a release ships, for "resolves to no entries": "cu118, cu121, cpu (default cu121)" */
  ships(release: R): string;
  /** the entry's fields (all but tag, key and customisation) */
  entry(parts: EntryParts<R>, context: PlanContext): Omit<E, 'tag' | 'key' | 'customisation'>;
  /**
   * fields that follow from the platforms the entry is built for, known only once they are (torch
   * devel: the wheels' TORCH_CUDA_ARCH_LIST differs on aarch64); none when absent. Not part of the key.
   */
  platformFields?(parts: EntryParts<R>, platforms: readonly Platform[], context: PlanContext, custom: Customisation): Partial<E> | null;
  /**
   * The key's canonical form, where it predates the generic [framework, version, ...common] (so
   * that PyTorch's keys stay as they were); `common` is what every framework's key covers.
   */
  keyParts?(entry: Omit<E, 'tag' | 'key' | 'customisation'>, common: unknown[]): unknown[];
  /**
   * the entry with what the customisation replaces in its framework's own fields: the index
   * (torch-index-url), the extension architectures (cuda-arch-list)
   */
  mirrored?(fields: Omit<E, 'tag' | 'key' | 'customisation'>, custom: Customisation): Omit<E, 'tag' | 'key' | 'customisation'>;
  /** the name part of the entry's tag: "2.4.1", "tf2.18.1", "jax0.8.0" */
  tagName(version: string): string;

  // -- the image -------------------------------------------------------------------------------

  /** Python packages the matrix decides: customisation may not install them */
  readonly packages: readonly string[];
  /** Dockerfile lines that install the framework into /opt/venv (uv is mounted as ${UV}) */
  install(entry: E, data: ReleaseData): string;
  /**
   * What the release needs besides itself, as pip requirements: `numpy<2` for a release built
   * against NumPy 1. Installed with the framework and kept by the constraints file, so a later
   * package cannot bring NumPy 2 in.
   */
  requirements(entry: E, data: ReleaseData): string[];
  /**
   * What the install step asks of a package index at exact versions (a floor, with atLeast), and
   * where: what `verify` checks exists before anything builds. Not read for a base-image entry.
   */
  wheels(entry: E, data: ReleaseData): PinnedWheel[];
  /** other indexes that could serve the entry's wheels (the release's other CUDA variants), for verify's hints */
  alternativeIndexes?(entry: E, data: ReleaseData): string[];
  /** packages the pin step checks and pins: name -> version (null: pin whatever is there) */
  pinned(entry: E, fromBaseImage: boolean): Record<string, string | null>;
  /**
   * Of those, the ones a base-image may lack (NGC's PyTorch images ship no torchaudio): absent,
   * they are recorded in the inventory instead of failing the build, and the smoke check skips them.
   */
  readonly companions: readonly string[];
  /** build-args only this framework has; a custom Dockerfile receives them */
  buildArgs(entry: E): [string, string | null][];
  /** image labels only this framework has */
  labels(entry: E, prefix: string): [string, string | null][];
  /** placeholder values only this framework has: {torch}, {torchvision}, ... */
  placeholders(entry: E): Record<string, string>;
  /** placeholder names only this framework fills (for the vocabulary) */
  readonly placeholderNames: readonly string[];
  /** plan-table columns only this framework fills */
  readonly columns: readonly PlanColumn<E>[];

  // -- the smoke check -------------------------------------------------------------------------

  /** check.py's arguments for this framework's checks */
  checkArgs(entry: E): string[];
  /** failures only this framework's output shows, tried before the generic ones */
  readonly diagnoses: readonly SmokeRule[];
  /** other CUDA variants of the same release, with their drivers, for a "driver too old" fix */
  alternatives?(entry: E, data: ReleaseData): { variant: string; minDriver: string }[];
}

/** uv, mounted from its image for one RUN step (it never stays in the image). */
export const UV_MOUNT = '--mount=from=uv,source=/uv,target=/usr/local/bin/uv';

/**
 * The slim CUDA base: nvidia/cuda's `base` flavour, "the bare minimum (libcudart)" with the container
 * toolkit's settings (NVIDIA_REQUIRE_CUDA, the driver capabilities), where `runtime` adds every CUDA
 * library and `cudnn-runtime` cuDNN too (nvidia.github.io/container-wiki, toolkit/container-images).
 * For a framework whose wheels bring their own CUDA libraries, those would be a second copy.
 */
export function nvidiaCudaSlimImage(release: string, ubuntu: string): string {
  return `nvidia/cuda:${release}-base-ubuntu${ubuntu}`;
}

/** nvidia/cuda:<release>-<cudnn token>-<flavor>-ubuntu<ver>, the tag NVIDIA publishes. */
export function nvidiaCudaImage(cuda: CudaRelease, flavor: string, ubuntu: string): string {
  const token = cuda.image.cudnnToken ? `${cuda.image.cudnnToken}-` : '';
  return `nvidia/cuda:${cuda.release}-${token}${flavor}-ubuntu${ubuntu}`;
}

/** The CPU choice every framework shares: plain Ubuntu. */
export function cpuChoice(data: ReleaseData): CudaChoice {
  return {
    cuda: 'cpu',
    variant: 'cpu',
    full: null,
    cudnn: null,
    minDriver: null,
    ubuntu: data.cpuImage.ubuntu,
    imagesAre: 'CPU images are built',
  };
}

/**
 * Why the base image of a CUDA choice (nvidia/cuda, or ubuntu for CPU) has no image for a platform,
 * or null; a platform the data marks inferred is warned about.
 */
export function baseImageReason(choice: CudaChoice, platform: Platform, { data, warn }: PlanContext): string | null {
  if (platform === 'linux/amd64') return null;
  if (choice.cuda === 'cpu') {
    return (data.cpuImage.platforms ?? ['linux/amd64']).includes(platform) ? null : `the ubuntu base has no ${platform} image in the data`;
  }
  const cuda = data.cuda.find((c) => c.version === choice.cuda);
  if (!(cuda?.image.platforms ?? ['linux/amd64']).includes(platform)) {
    return `nvidia/cuda ${choice.full ?? choice.cuda} has no ${platform} images in the release data`;
  }
  if (cuda?.provenance?.platforms === 'inferred') {
    warn(`nvidia/cuda ${cuda.release}'s ${platform} images are inferred, not read: verify checks the base image for each platform`);
  }
  return null;
}

/** "3.8–3.12" */
export function span(list: readonly string[]): string {
  return `${list[0]}–${list[list.length - 1]}`;
}

/** XLA (TensorFlow, JAX) compiles kernels with ptxas at run time; without a recent one it cannot. */
export const XLA_PTX_RULE: SmokeRule = {
  pattern: /No PTX compilation provider is available|ptxas does not support CC ([\d.]+)/,
  diagnose: (m) => ({
    cause: m[1] ? `the ptxas in the image is too old for compute capability ${m[1]}` : 'XLA found no ptxas to compile for this GPU',
    fix: m[1]
      ? 'use a release whose nvidia-cuda-nvcc wheel (CUDA 12.8 or newer for Blackwell) supports this GPU'
      : 'install nvidia-cuda-nvcc (part of tensorflow[and-cuda] and jax[cudaNN]) ' +
        'and put its bin/ptxas on PATH (the template links it into /opt/venv/bin)',
  }),
};
