import { createHash } from 'node:crypto';
import { compact, isEmpty, type Customisation } from '../custom/customisation.js';
import { frameworkOf, type MatrixEntry } from '../frameworks/index.js';
import { renderPlaceholders } from '../inputs/placeholders.js';
import { DEFAULT_PLATFORMS, isDefaultPlatforms, type Platform } from './platform.js';
import type { Flavor } from './selectors.js';

/**
 * What every matrix entry has, whatever its framework; naming (tag) and identity (key). Field
 * names are a contract: workflows read them as `matrix.<field>`. The framework's own version is
 * in a field of its name (`torch`, `tensorflow`, `jax`), its other fields are its own
 * (src/frameworks/<name>.ts); the rest mean the same for all.
 */
export interface EntryFields {
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
  /**
   * what the image is built for, in PLATFORMS' order: ["linux/amd64"] unless platforms asks for more.
   * One tag serves them all (an OCI index). Absent in entries planned before platforms existed.
   */
  platforms?: Platform[];
  /** readable and unique per entry: "2.4.1-cu124-py3.11-ubuntu22.04" */
  tag: string;
  /** short stable hash of everything that defines the image */
  key: string;
  /**
   * What the image adds to the framework (packages, user, another base image, ...); only what is
   * set, and absent when nothing is, so entries without it are exactly as before.
   */
  customisation?: Partial<Customisation>;
  /** moving tags the plan's aliases point at this entry (latest, 2.8-cuda12); absent when none */
  aliases?: string[];
}

/** An entry without its name and key: what they are computed from. */
export type EntryIdentity = DistributiveOmit<MatrixEntry, 'tag' | 'key' | 'customisation' | 'aliases'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A new entry from its identity: named and keyed. */
export function namedEntry(fields: EntryIdentity): MatrixEntry {
  const withPlatforms = { ...fields, platforms: fields.platforms ?? [...DEFAULT_PLATFORMS] };
  return { ...withPlatforms, tag: plainTag(withPlatforms), key: entryKey(withPlatforms) } as MatrixEntry;
}

/** The entry's platforms: what it asked for, or the default for an entry planned before platforms existed. */
export function platformsOf(entry: { platforms?: Platform[] }): Platform[] {
  return entry.platforms ?? [...DEFAULT_PLATFORMS];
}

/**
 * An entry with a customisation applied: its base image (when base-image is set), its tag
 * (tag-suffix) and its key (which then covers the customisation too).
 */
export function customiseEntry(entry: MatrixEntry, given: Customisation): MatrixEntry {
  // cuda-arch-list is for extensions, which only devel entries build: runtime entries keep their keys
  const custom = given.cudaArchList && entry.flavor !== 'devel' ? { ...given, cudaArchList: null } : given;
  if (isEmpty(custom)) return entry;
  const own = identityOf(entry);
  const fields = (frameworkOf(own).mirrored?.(own as never, custom) ?? own) as EntryIdentity;
  const stored = compact(custom);
  const baseImage = custom.baseImage ? renderPlaceholders(custom.baseImage, entry) : entry.baseImage;
  const tag = custom.tagSuffix ? `${plainTag(entry)}-${custom.tagSuffix}` : plainTag(entry);
  const customised = { ...fields, baseImage } as EntryIdentity;
  return { ...customised, tag, key: entryKey(customised, stored), customisation: stored } as MatrixEntry;
}

/** The entry without tag, key and customisation. */
export function identityOf(entry: MatrixEntry): EntryIdentity {
  const { tag: _tag, key: _key, customisation: _c, ...fields } = entry;
  return fields as EntryIdentity;
}

/** "2.4.1-cu124-py3.11-ubuntu22.04" (torch), "tf2.18.1-cu125-...", "jax0.8.0-cuda13-..." */
export function plainTag(e: EntryIdentity): string {
  const framework = frameworkOf(e);
  const version = String((e as Record<string, unknown>)[framework.key]);
  return `${framework.tagName(version)}-${e.cudaVariant}-py${e.python}-${e.os}${e.flavor === 'devel' ? '-devel' : ''}`;
}

/** Whether the entry's framework comes with its base image (base-image) rather than from pip. */
export function frameworkFromBaseImage(entry: MatrixEntry): boolean {
  return Boolean(entry.customisation?.baseImage);
}

/**
 * 12 hex characters of SHA-256 over the fields that define the image, in a
 * fixed order. Bump KEY_VERSION when what goes into an image changes meaning.
 */
const KEY_VERSION = 1;
export function entryKey(fields: EntryIdentity, customisation?: Partial<Customisation>): string {
  const framework = frameworkOf(fields);
  const custom = customisation && Object.keys(customisation).length ? [customisation] : [];
  const common: unknown[] = [fields.cudaVariant, fields.cudaFull, fields.cudnn, fields.python, fields.os, fields.flavor, fields.baseImage];
  // Only a platform list other than the default goes in: every key planned before platforms stays as it was.
  if (fields.platforms && !isDefaultPlatforms(fields.platforms)) common.push(fields.platforms);
  const version = (fields as Record<string, unknown>)[framework.key];
  const parts = framework.keyParts ? framework.keyParts(fields, common) : [framework.id, version, ...common];
  return createHash('sha256')
    .update(JSON.stringify([KEY_VERSION, ...parts, ...custom]))
    .digest('hex')
    .slice(0, 12);
}
