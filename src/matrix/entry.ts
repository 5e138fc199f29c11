import { createHash } from 'node:crypto';
import type { CompatData, CudaRelease, TorchPatch, TorchRelease } from '../compat/schema.js';
import { compact, isEmpty, type Customisation } from '../custom/customisation.js';
import type { Flavor } from './selectors.js';

export const FRAMEWORKS = ['pytorch', 'tensorflow', 'jax'] as const;
export type Framework = (typeof FRAMEWORKS)[number];

/**
 * One resolved matrix entry: a flat object that carries everything a build or smoke job needs.
 * Field names are a contract: workflows read them as `matrix.<field>`. The framework's own
 * version is in a field of its name (`torch`, `tensorflow`, `jax`); the rest mean the same for all.
 */
interface EntryFields {
  /** "12.4" or "cpu" */
  cuda: string;
  /** the wheel variant: "cu124" (torch, tensorflow), "cuda12" (jax's extra), or "cpu" */
  cudaVariant: string;
  /** NVIDIA's point release the base image uses, "12.4.1"; null for cpu */
  cudaFull: string | null;
  /** cuDNN the framework uses; null for cpu (and for jax, whose cuDNN wheel floats above a floor) */
  cudnn: string | null;
  python: string;
  /** "ubuntu22.04" */
  os: string;
  flavor: Flavor;
  baseImage: string;
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

export interface TorchEntry extends EntryFields {
  framework: 'pytorch';
  torch: string;
  torchvision: string | null;
  torchaudio: string | null;
  indexUrl: string;
  /** PyTorch's channel the wheels come from: "release", or "test" for a release candidate */
  channel: 'release' | 'test';
}

export interface TensorflowEntry extends EntryFields {
  framework: 'tensorflow';
  tensorflow: string;
}

export interface JaxEntry extends EntryFields {
  framework: 'jax';
  jax: string;
}

export type MatrixEntry = TorchEntry | TensorflowEntry | JaxEntry;

/** The framework's own version: torch, tensorflow or jax. */
export function frameworkVersion(
  e: Pick<TorchEntry, 'framework' | 'torch'> | Pick<TensorflowEntry, 'framework' | 'tensorflow'> | Pick<JaxEntry, 'framework' | 'jax'>,
): string {
  return e.framework === 'pytorch' ? e.torch : e.framework === 'tensorflow' ? e.tensorflow : e.jax;
}

/** "torch 2.4.1", "tensorflow 2.18.1", "jax 0.8.0" */
export function frameworkTitle(e: MatrixEntry): string {
  return `${e.framework === 'pytorch' ? 'torch' : e.framework} ${frameworkVersion(e)}`;
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

export function buildEntry(parts: EntryParts, data: CompatData): TorchEntry {
  const { release, patch, cuda, variant, python, ubuntu, flavor } = parts;
  const os = `ubuntu${ubuntu}`;
  const channel = release.status === 'rc' ? 'test' : 'release';
  const indexTemplate = release.status === 'rc' ? data.indexUrls.rc : data.indexUrls.stable;
  const fields = {
    framework: 'pytorch',
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
  const fields = identityOf(entry);
  const stored = compact(custom);
  const baseImage = custom.baseImage ? renderBaseImage(custom.baseImage, entry) : entry.baseImage;
  const tag = custom.tagSuffix ? `${plainTag(entry)}-${custom.tagSuffix}` : plainTag(entry);
  const customised = { ...fields, baseImage };
  return { ...customised, tag, key: entryKey(customised, stored), customisation: stored } as MatrixEntry;
}

/** The entry without tag, key and customisation. */
export function identityOf(entry: MatrixEntry): EntryIdentity {
  const { tag: _tag, key: _key, customisation: _c, ...fields } = entry;
  return fields as EntryIdentity;
}

/** A new entry (tensorflow, jax) from its identity: named and keyed. */
export function namedEntry<E extends MatrixEntry>(fields: EntryIdentity): E {
  return { ...fields, tag: plainTag(fields), key: entryKey(fields) } as E;
}

/** "2.4.1-cu124-py3.11-ubuntu22.04" (torch, as before), "tf2.18.1-cu125-...", "jax0.8.0-cuda13-..." */
export function plainTag(e: EntryIdentity): string {
  const name = e.framework === 'pytorch' ? e.torch : e.framework === 'tensorflow' ? `tf${e.tensorflow}` : `jax${e.jax}`;
  return `${name}-${e.cudaVariant}-py${e.python}-${e.os}${e.flavor === 'devel' ? '-devel' : ''}`;
}

/** An entry without its name and key: what they are computed from. */
export type EntryIdentity = DistributiveOmit<MatrixEntry, 'tag' | 'key' | 'customisation'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Whether the entry's framework comes with its base image (base-image) rather than from pip. */
export function frameworkFromBaseImage(entry: MatrixEntry): boolean {
  return Boolean(entry.customisation?.baseImage);
}

/** Fill a base-image template's {placeholders} from the entry. */
export function renderBaseImage(template: string, entry: EntryIdentity): string {
  const values: Record<string, string> = {
    framework: entry.framework,
    version: frameworkVersion(entry),
    torch: entry.framework === 'pytorch' ? entry.torch : '',
    torchvision: (entry.framework === 'pytorch' ? entry.torchvision : null) ?? '',
    torchaudio: (entry.framework === 'pytorch' ? entry.torchaudio : null) ?? '',
    tensorflow: entry.framework === 'tensorflow' ? entry.tensorflow : '',
    jax: entry.framework === 'jax' ? entry.jax : '',
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
export function entryKey(fields: EntryIdentity, customisation?: Partial<Customisation>): string {
  const custom = customisation && Object.keys(customisation).length ? [customisation] : [];
  const common = [fields.cudaVariant, fields.cudaFull, fields.cudnn, fields.python, fields.os, fields.flavor, fields.baseImage];
  // PyTorch entries keep the canonical form they had before other frameworks came, so their keys stay.
  const canonical =
    fields.framework === 'pytorch'
      ? [KEY_VERSION, fields.torch, fields.torchvision, fields.torchaudio, ...common, fields.indexUrl, ...custom]
      : [KEY_VERSION, fields.framework, frameworkVersion(fields), ...common, ...custom];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}
