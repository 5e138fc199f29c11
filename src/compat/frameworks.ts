import bundled from '../data/frameworks.json' with { type: 'json' };
import type { Provenance } from './schema.js';

/**
 * Release data for TensorFlow and JAX (src/data/frameworks.json), beside PyTorch's compat.json.
 * Checked once when loaded; a test compares it with the research it was transcribed from.
 */

/** How a TensorFlow release gets its CUDA libraries into the image. */
export type TfInstall =
  /** 2.10-2.13: no pip CUDA libraries; the base image holds CUDA and cuDNN */
  | 'system-cuda'
  /** what tensorflow[and-cuda] pins, installed by name at those exact versions, without TensorRT */
  | 'pinned-libraries'
  /** tensorflow[and-cuda] as it is: its own exact pins (the libraries' versions are not in the data) */
  | 'and-cuda'
  /** tensorflow[and-cuda], whose ranges are pinned by a constraints file (cudaLibraries) */
  | 'and-cuda-constrained';

export interface TfRelease {
  minor: string;
  status: 'stable';
  patches: string[];
  /** Python minors with wheels, ascending */
  python: string[];
  /** CUDA and cuDNN the release was built and tested with (major.minor) */
  cuda: string;
  cudnn: string;
  install: TfInstall;
  /** exact pins: installed by name (pinned-libraries) or as constraints (and-cuda-constrained) */
  cudaLibraries: string[];
  baseImage: string;
  cudaFull: string;
  os: string;
  /** the base image's toolkit driver: the container toolkit refuses older drivers */
  minDriver: string;
  /** what TensorFlow's docs name (CUDA minor-version compatibility) */
  minorCompatDriver: string;
  provenance: Partial<Record<'python' | 'cuda' | 'patches' | 'baseImage' | 'minDriver' | 'cudaLibraries', Provenance>>;
  notes: string[];
}

export interface JaxRelease {
  version: string;
  released: string;
  python: string[];
  /** CUDA majors with a stable jax[cudaNN] extra */
  cuda: string[];
  provenance: Partial<Record<'python' | 'cuda', Provenance>>;
  notes: string[];
}

export interface JaxCuda {
  extra: string;
  /** the nvidia/cuda release (a version of compat.json's cuda list) the image starts from */
  baseCuda: string;
  /** the driver JAX's docs name for this extra */
  driverFloor: string;
  minComputeCapability: string;
  provenance: Partial<Record<'driverFloor' | 'baseCuda', Provenance>>;
}

export interface FrameworkData {
  schemaVersion: 1;
  tensorflow: TfRelease[];
  jax: JaxRelease[];
  jaxCuda: Record<string, JaxCuda>;
  leftOut: string[];
}

let data: FrameworkData | undefined;
export function bundledFrameworks(): FrameworkData {
  data ??= checkFrameworks(structuredClone(bundled) as FrameworkData);
  return data;
}

const VERSION = /^\d+\.\d+\.\d+$/;
const MINOR = /^\d+\.\d+$/;

/** The invariants the resolver relies on; a broken data file is a bug, so this throws plainly. */
export function checkFrameworks(d: FrameworkData): FrameworkData {
  const fail = (m: string): never => {
    throw new Error(`src/data/frameworks.json: ${m}`);
  };
  for (const r of d.tensorflow) {
    if (!MINOR.test(r.minor)) fail(`tensorflow minor ${r.minor}`);
    if (!r.patches.length || r.patches.some((p) => !VERSION.test(p) || !p.startsWith(`${r.minor}.`)))
      fail(`tensorflow ${r.minor} patches ${r.patches.join(', ')}`);
    if (!r.python.length || r.python.some((p) => !MINOR.test(p))) fail(`tensorflow ${r.minor} python`);
    if (!MINOR.test(r.cuda) || !r.cudaFull.startsWith(`${r.cuda}.`)) fail(`tensorflow ${r.minor} cuda ${r.cuda} / ${r.cudaFull}`);
    if ((r.install === 'pinned-libraries' || r.install === 'and-cuda-constrained') && r.cudaLibraries.length === 0)
      fail(`tensorflow ${r.minor}: ${r.install} without cudaLibraries`);
    if (r.cudaLibraries.some((l) => !/^nvidia-[a-z0-9-]+==[\d.]+$/.test(l))) fail(`tensorflow ${r.minor} cudaLibraries`);
    if (!/^(nvidia\/cuda|ubuntu):[\w.-]+$/.test(r.baseImage) || !r.baseImage.endsWith(r.os))
      fail(`tensorflow ${r.minor} baseImage ${r.baseImage}`);
  }
  for (const r of d.jax) {
    if (!VERSION.test(r.version) || !r.python.length || !r.cuda.every((c) => d.jaxCuda[c])) fail(`jax ${r.version}`);
  }
  return d;
}
