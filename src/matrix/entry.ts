import { createHash } from 'node:crypto';
import type { CompatData, CudaRelease, TorchPatch, TorchRelease } from '../compat/schema.js';
import { compact, isEmpty, type Customisation } from '../custom/customisation.js';
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
  /**
   * What the image adds to the framework (packages, user, another base image, ...); only what is
   * set, and absent when nothing is, so entries without it are exactly as before.
   */
  customisation?: Partial<Customisation>;
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
  return { ...fields, tag: plainTag(fields), key: entryKey(fields) };
}

/**
 * An entry with a customisation applied: its base image (when base-image is set), its tag
 * (tag-suffix) and its key (which then covers the customisation too).
 */
export function customiseEntry(entry: MatrixEntry, custom: Customisation): MatrixEntry {
  if (isEmpty(custom)) return entry;
  const { tag: _tag, key: _key, customisation: _c, ...fields } = entry;
  const stored = compact(custom);
  const baseImage = custom.baseImage ? renderBaseImage(custom.baseImage, entry) : entry.baseImage;
  const tag = custom.tagSuffix ? `${plainTag(entry)}-${custom.tagSuffix}` : plainTag(entry);
  const customised = { ...fields, baseImage };
  return { ...customised, tag, key: entryKey(customised, stored), customisation: stored };
}

function plainTag(e: Omit<MatrixEntry, 'tag' | 'key'>): string {
  return `${e.torch}-${e.cudaVariant}-py${e.python}-${e.os}${e.flavor === 'devel' ? '-devel' : ''}`;
}

/** Whether the entry's torch comes with its base image (base-image) rather than from the wheel index. */
export function torchFromBaseImage(entry: MatrixEntry): boolean {
  return Boolean(entry.customisation?.baseImage);
}

/** Fill a base-image template's {placeholders} from the entry. */
export function renderBaseImage(template: string, entry: Omit<MatrixEntry, 'tag' | 'key'>): string {
  const values: Record<string, string> = {
    torch: entry.torch,
    torchvision: entry.torchvision ?? '',
    torchaudio: entry.torchaudio ?? '',
    cuda: entry.cuda,
    cudaFull: entry.cudaFull ?? entry.cuda,
    cudaVariant: entry.cudaVariant,
    cudnn: entry.cudnn ?? '',
    cudnnMajor: entry.cudnn?.split('.')[0] ?? '',
    python: entry.python,
    os: entry.os,
    ubuntu: entry.os.replace(/^ubuntu/, ''),
    flavor: entry.flavor,
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
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
export function entryKey(fields: Omit<MatrixEntry, 'tag' | 'key' | 'customisation'>, customisation?: Partial<Customisation>): string {
  const custom = customisation && Object.keys(customisation).length ? [customisation] : [];
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
    ...custom,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 12);
}
