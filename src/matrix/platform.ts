import { UserError, describeValue, listWords, quote } from '../errors.js';

/**
 * The platforms an image is built for, as BuildKit and OCI name them ("linux/amd64"). One tag of an
 * entry serves all its platforms: an OCI index with a manifest per platform. Pure.
 */

export const PLATFORMS = ['linux/amd64', 'linux/arm64'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What an entry is built for when nothing asks for more: every entry before platforms existed. */
export const DEFAULT_PLATFORMS: readonly Platform[] = ['linux/amd64'];

/** The CPU architecture a platform runs, as wheels (and `uname -m`) name it. */
export const MACHINE: Record<Platform, 'x86_64' | 'aarch64'> = { 'linux/amd64': 'x86_64', 'linux/arm64': 'aarch64' };

/** The OCI architecture of a platform ("amd64", "arm64"). */
export function architectureOf(platform: Platform): 'amd64' | 'arm64' {
  return platform === 'linux/arm64' ? 'arm64' : 'amd64';
}

/** Other spellings people write, as docker and uname print them. */
const ALIASES: Record<string, Platform> = {
  amd64: 'linux/amd64',
  x86_64: 'linux/amd64',
  'linux/x86_64': 'linux/amd64',
  arm64: 'linux/arm64',
  aarch64: 'linux/arm64',
  'linux/aarch64': 'linux/arm64',
  'linux/arm64/v8': 'linux/arm64',
};

export const MAX_PLATFORMS_TEXT = 512;

/** One platform, from what a person wrote ("linux/arm64", "arm64"). */
export function parsePlatform(text: string, field: string): Platform {
  const t = text.trim().toLowerCase();
  if ((PLATFORMS as readonly string[]).includes(t)) return t as Platform;
  const alias = ALIASES[t];
  if (alias) return alias;
  const why = /^linux\/arm(\/v[67])?$/.test(t)
    ? ': 32-bit ARM has no CUDA wheels or images'
    : /^(windows|darwin)\//.test(t)
      ? ': GPU images here are Linux images'
      : '';
  throw new UserError(`${field}: ${quote(text)} is not a platform this action builds${why}; accepted: ${listWords([...PLATFORMS])}`);
}

/**
 * A list of platforms: a YAML/JSON list, or one string of comma- or newline-separated platforms (as
 * docker/build-push-action takes them). Repeats count once; the order is PLATFORMS' (amd64 first),
 * so that the same set always names the same image.
 */
export function parsePlatforms(value: unknown, field: string): Platform[] {
  let items: { text: string; field: string }[];
  if (typeof value === 'string') {
    if (value.length > MAX_PLATFORMS_TEXT) throw new UserError(`${field}: ${value.length} characters; a list of platforms is a few words`);
    const parts = value
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    items = parts.map((text, i) => ({ text, field: parts.length > 1 ? `${field}[${i}]` : field }));
  } else if (Array.isArray(value)) {
    if (value.length > 16) throw new UserError(`${field}: ${value.length} items; at most ${PLATFORMS.length} platforms exist here`);
    items = value.map((v, i) => {
      if (typeof v !== 'string') throw new UserError(`${field}[${i}]: expected a platform such as linux/arm64, got ${describeValue(v)}`);
      return { text: v, field: `${field}[${i}]` };
    });
  } else {
    throw new UserError(`${field}: expected a platform or a list of them (linux/amd64, linux/arm64), got ${describeValue(value)}`);
  }
  if (items.length === 0) throw new UserError(`${field}: no platform given; accepted: ${listWords([...PLATFORMS])}`);
  const chosen = new Set(items.map((i) => parsePlatform(i.text, i.field)));
  return PLATFORMS.filter((p) => chosen.has(p));
}

export function isDefaultPlatforms(platforms: readonly string[]): boolean {
  return platforms.length === DEFAULT_PLATFORMS.length && platforms.every((p, i) => p === DEFAULT_PLATFORMS[i]);
}

/** The platform a machine runs natively, from Node's `process.arch` ("x64", "arm64"); null for others. */
export function nativePlatform(arch: string): Platform | null {
  return arch === 'x64' ? 'linux/amd64' : arch === 'arm64' ? 'linux/arm64' : null;
}

/** "linux/arm64" -> "linux-arm64": for tag suffixes and file names. */
export function platformSlug(platform: Platform): string {
  return platform.replace('/', '-');
}
