import { createHash } from 'node:crypto';
import type { CompatData, CudaRelease, TorchPatch, TorchRelease } from '../compat/schema.js';
import type { Flavor } from './selectors.js';

/**
 * One resolved matrix entry: a flat object that carries everything a build or
 * smoke job needs. Field names are a contract: workflows read them as
 * `matrix.<field>`.
 */
export interface MatrixEntry {
  torch: string;
  torchvision: string | null;
  torchaudio: string | null;
  /** "12.4" or "cpu" */
  cuda: string;
  /** "cu124" or "cpu" */
  cudaVariant: string;
  /** NVIDIA's point release the base image uses, "12.4.1"; null for cpu */
  cudaFull: string | null;
  /** cuDNN the torch wheel uses; null for cpu */
  cudnn: string | null;
  python: string;
  /** "ubuntu22.04" */
  os: string;
  flavor: Flavor;
  baseImage: string;
  indexUrl: string;
  /** PyTorch's channel the wheels come from: "release", or "test" for a release candidate */
  channel: 'release' | 'test';
  /** minimum Linux driver for the image's CUDA; null for cpu */
  minDriver: string | null;
  /** readable and unique per entry: "2.4.1-cu124-py3.11-ubuntu22.04" */
  tag: string;
  /** short stable hash of everything that defines the image */
  key: string;
}

/** Everything that decides an entry, before naming. */
export interface EntryParts {
  release: TorchRelease;
  patch: TorchPatch;
  /** null for the CPU variant */
  cuda: CudaRelease | null;
  variant: string;
  python: string;
  ubuntu: string;
  flavor: Flavor;
}

export function buildEntry(parts: EntryParts, data: CompatData): MatrixEntry {
  const { release, patch, cuda, variant, python, ubuntu, flavor } = parts;
  const os = `ubuntu${ubuntu}`;
  const channel = release.status === 'rc' ? 'test' : 'release';
  const indexTemplate = release.status === 'rc' ? data.indexUrls.rc : data.indexUrls.stable;
  const fields = {
    torch: patch.torch,
    torchvision: patch.torchvision,
    torchaudio: patch.torchaudio,
    cuda: cuda ? cuda.version : 'cpu',
    cudaVariant: variant,
    cudaFull: cuda ? cuda.release : null,
    cudnn: cuda ? (release.cuda.cudnn[variant] ?? null) : null,
    python,
    os,
    flavor,
    baseImage: baseImageFor(cuda, ubuntu, flavor),
    indexUrl: indexTemplate.replace('{variant}', variant),
    channel,
    minDriver: cuda ? cuda.minDriver : null,
  } as const;
  const tag = `${patch.torch}-${variant}-py${python}-${os}${flavor === 'devel' ? '-devel' : ''}`;
  return { ...fields, tag, key: entryKey(fields) };
}

/** nvidia/cuda:<release>-<cudnn token>-<flavor>-ubuntu<ver>, or plain ubuntu for CPU images. */
export function baseImageFor(cuda: CudaRelease | null, ubuntu: string, flavor: Flavor): string {
  if (!cuda) return `ubuntu:${ubuntu}`;
  const token = cuda.image.cudnnToken ? `${cuda.image.cudnnToken}-` : '';
  return `nvidia/cuda:${cuda.release}-${token}${flavor}-ubuntu${ubuntu}`;
}

/**
 * 12 hex characters of SHA-256 over the fields that define the image, in a
 * fixed order. Bump KEY_VERSION when what goes into an image changes meaning.
 */
const KEY_VERSION = 1;
export function entryKey(fields: Omit<MatrixEntry, 'tag' | 'key'>): string {
  const canonical = JSON.stringify([
    KEY_VERSION,
    fields.torch,
    fields.torchvision,
    fields.torchaudio,
    fields.cudaVariant,
    fields.cudaFull,
    fields.cudnn,
    fields.python,
    fields.os,
    fields.flavor,
    fields.baseImage,
    fields.indexUrl,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
