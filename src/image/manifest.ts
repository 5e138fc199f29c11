/**
 * OCI image manifests and indexes as a registry or an OCI layout sends them: untrusted JSON read
 * into the few fields the readers use, each checked (digests, sizes, media types, counts), so a
 * malformed one is a ManifestError naming what is wrong, never a TypeError later. Pure.
 */

import { isRecord } from '../json.js';

export class ManifestError extends Error {
  override readonly name = 'ManifestError';
}

export interface Descriptor {
  digest: string;
  size: number;
  mediaType: string;
}

export interface IndexItem {
  digest: string;
  platform: { os: string; architecture: string } | null;
  /** absent where the index leaves them out (readers that only pick a platform do not need them) */
  size?: number;
  mediaType?: string;
  /** string annotations (an attestation manifest's reference type and digest); absent when none */
  annotations?: Record<string, string>;
}

/** Annotations kept per index item: more than BuildKit writes, bounded against a hostile index. */
const MAX_ANNOTATIONS = 32;
const MAX_ANNOTATION_CHARS = 1024;

export type ManifestDoc = { kind: 'image'; config: Descriptor; layers: Descriptor[] } | { kind: 'index'; manifests: IndexItem[] };

/** More than any image has (Docker caps layers at 127); an index's platforms and attestations alike. */
const MAX_ITEMS = 10_000;

export function readManifest(text: string, where: string): ManifestDoc {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ManifestError(`${where}: the manifest is not JSON (${(err as Error).message.slice(0, 120)})`);
  }
  if (!isRecord(doc)) throw new ManifestError(`${where}: the manifest is not a JSON object`);
  if (doc.manifests !== undefined) {
    const list = items(doc.manifests, `${where}: manifests`);
    return {
      kind: 'index',
      manifests: list.map((m, i) => {
        const at = `${where}: manifests[${i}]`;
        if (!isRecord(m)) throw new ManifestError(`${at} is not an object`);
        const p = m.platform;
        const platform =
          isRecord(p) && typeof p.os === 'string' && typeof p.architecture === 'string' ? { os: p.os, architecture: p.architecture } : null;
        const item: IndexItem = { digest: digestOf(m.digest, `${at}.digest`), platform };
        if (Number.isSafeInteger(m.size) && (m.size as number) >= 0) item.size = m.size as number;
        if (typeof m.mediaType === 'string' && m.mediaType.length <= 256) item.mediaType = m.mediaType;
        if (isRecord(m.annotations)) {
          const kept = Object.entries(m.annotations)
            .filter((e): e is [string, string] => typeof e[1] === 'string' && e[0].length + e[1].length <= MAX_ANNOTATION_CHARS)
            .slice(0, MAX_ANNOTATIONS);
          if (kept.length) item.annotations = Object.fromEntries(kept);
        }
        return item;
      }),
    };
  }
  const layers = items(doc.layers, `${where}: layers`).map((l, i) => descriptor(l, `${where}: layers[${i}]`));
  return { kind: 'image', config: descriptor(doc.config, `${where}: config`), layers };
}

/**
 * The linux/<architecture> image of an index. For amd64 (what every reader asked before platforms
 * existed) an index without it gives its first entry; for another architecture, its absence is an error.
 */
export function platformDigest(manifests: IndexItem[], where: string, architecture = 'amd64'): string {
  const hit = manifests.find((m) => m.platform?.os === 'linux' && m.platform.architecture === architecture);
  // An index that names no platforms (an OCI layout's index.json of one image) gives its one image.
  if (!hit && architecture !== 'amd64' && manifests.some((m) => m.platform)) {
    const has = manifests
      .filter((m) => m.platform && m.platform.os !== 'unknown')
      .map((m) => `${m.platform?.os}/${m.platform?.architecture}`);
    throw new ManifestError(`${where}: the index has no linux/${architecture} image (it has ${has.join(', ') || 'none'})`);
  }
  const pick = hit ?? manifests[0];
  if (!pick) throw new ManifestError(`${where}: the index lists no manifest`);
  return pick.digest;
}

/** The images of an index by platform ("linux/arm64"), attestation manifests (unknown/unknown) left out. */
export function indexPlatforms(manifests: IndexItem[]): { platform: string; digest: string }[] {
  return manifests
    .filter((m) => m.platform && m.platform.os !== 'unknown' && m.platform.architecture !== 'unknown')
    .map((m) => ({ platform: `${m.platform?.os}/${m.platform?.architecture}`, digest: m.digest }));
}

export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';

/** What `merge` puts in an index: a platform's image, or an attestation manifest of one (platform unknown/unknown). */
export interface IndexChild {
  digest: string;
  size: number;
  mediaType: string;
  os: string;
  architecture: string;
  annotations?: Record<string, string>;
}

/** An image index over manifests already in one repository (each platform's image and its attestations): what `merge` writes. */
export function ociIndex(children: IndexChild[], mediaType: typeof OCI_INDEX | typeof DOCKER_LIST = OCI_INDEX): string {
  return JSON.stringify({
    schemaVersion: 2,
    mediaType,
    manifests: children.map((c) => ({
      mediaType: c.mediaType,
      digest: c.digest,
      size: c.size,
      ...(c.annotations ? { annotations: c.annotations } : {}),
      platform: { architecture: c.architecture, os: c.os },
    })),
  });
}

/** BuildKit's attestation storage: the annotation an attestation manifest carries, and the one naming its image. */
export const ATTESTATION_TYPE = 'vnd.docker.reference.type';
export const ATTESTATION_SUBJECT = 'vnd.docker.reference.digest';

/** The attestation manifests of an index that attest the image `digest`. */
export function attestationsOf(manifests: IndexItem[], digest: string): IndexItem[] {
  return manifests.filter(
    (m) => m.annotations?.[ATTESTATION_TYPE] === 'attestation-manifest' && m.annotations[ATTESTATION_SUBJECT] === digest,
  );
}

/** Compressed bytes of an image manifest's config and layers; null when it is not one. */
export function imageBytes(text: string): number | null {
  try {
    const doc = readManifest(text, 'manifest');
    if (doc.kind !== 'image') return null;
    const total = doc.layers.reduce((sum, l) => sum + l.size, doc.config.size);
    return Number.isSafeInteger(total) ? total : null;
  } catch {
    return null;
  }
}

/** The hash of a digest that can be checked (sha256, sha512: the OCI image-spec's registered ones), or null. */
export function digestAlgorithm(digest: string): 'sha256' | 'sha512' | null {
  if (/^sha256:[0-9a-f]{64}$/.test(digest)) return 'sha256';
  if (/^sha512:[0-9a-f]{128}$/.test(digest)) return 'sha512';
  return null;
}

function items(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw new ManifestError(`${where} is not a list`);
  if (v.length > MAX_ITEMS) throw new ManifestError(`${where} has ${v.length} items; at most ${MAX_ITEMS} are read`);
  return v;
}

function digestOf(v: unknown, where: string): string {
  if (typeof v !== 'string' || !digestAlgorithm(v)) {
    throw new ManifestError(`${where} is not a digest (sha256: and 64 hex digits): ${JSON.stringify(v)?.slice(0, 100)}`);
  }
  return v;
}

function descriptor(v: unknown, where: string): Descriptor {
  if (!isRecord(v)) throw new ManifestError(`${where} is not a descriptor`);
  const digest = digestOf(v.digest, `${where}.digest`);
  if (!Number.isSafeInteger(v.size) || (v.size as number) < 0) {
    throw new ManifestError(`${where}.size is not a byte count: ${JSON.stringify(v.size)?.slice(0, 40)}`);
  }
  if (typeof v.mediaType !== 'string' || v.mediaType.length > 256) throw new ManifestError(`${where}.mediaType is not a media type`);
  return { digest, size: v.size as number, mediaType: v.mediaType };
}
