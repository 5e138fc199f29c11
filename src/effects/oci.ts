import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { ImageShape } from '../repro/compare.js';
import { readTar, type TarEntry } from '../repro/tar.js';
import { RegistryClient } from './registry.js';
import type { Repository } from '../image/reference.js';

/**
 * Images as the reproducibility check reads them: an OCI layout directory
 * (what BuildKit's oci exporter writes) or a registry. Both give the image's
 * shape and its layers' tar entries.
 */
export interface ImageSource {
  shape(): Promise<ImageShape>;
  /** the entries of layer i (keeping the content of the paths `keep` wants) */
  layer(i: number, keep?: (path: string) => boolean): Promise<TarEntry[]>;
  describe: string;
}

/** Layers larger than this are not compared file by file (they are read whole into memory). */
export const MAX_LAYER_BYTES = 2 * 1024 * 1024 * 1024;

interface Manifest {
  mediaType?: string;
  config: { digest: string };
  layers: { digest: string; size: number; mediaType: string }[];
  manifests?: { digest: string; platform?: { os?: string; architecture?: string } }[];
}

function untar(blob: Buffer, mediaType: string, keep?: (path: string) => boolean): TarEntry[] {
  if (/zstd/.test(mediaType)) throw new Error('zstd-compressed layers are not read here; build with the default gzip compression');
  const raw =
    /gzip/.test(mediaType) || (blob[0] === 0x1f && blob[1] === 0x8b) ? gunzipSync(blob, { maxOutputLength: MAX_LAYER_BYTES }) : blob;
  return readTar(raw, keep);
}

export function ociLayout(dir: string): ImageSource {
  const blob = (digest: string): Buffer => readFileSync(path.join(dir, 'blobs', ...digest.split(':')));
  let manifest: { digest: string; doc: Manifest } | undefined;
  const load = (): { digest: string; doc: Manifest } => {
    if (manifest) return manifest;
    const index = JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as Manifest;
    let digest = index.manifests?.[0]?.digest;
    if (!digest) throw new Error(`${dir}: the OCI layout has no manifest`);
    let doc = JSON.parse(blob(digest).toString('utf8')) as Manifest;
    if (doc.manifests) {
      // An index (e.g. with attestations): the linux/amd64 image manifest in it.
      digest = (doc.manifests.find((m) => m.platform?.architecture === 'amd64') ?? doc.manifests[0])?.digest ?? digest;
      doc = JSON.parse(blob(digest).toString('utf8')) as Manifest;
    }
    manifest = { digest, doc };
    return manifest;
  };
  return {
    describe: `OCI layout ${dir}`,
    shape: async () => {
      const { digest, doc } = load();
      return {
        manifestDigest: digest,
        configDigest: doc.config.digest,
        layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size })),
      };
    },
    layer: async (i, keep) => {
      const l = load().doc.layers[i];
      if (!l) throw new Error(`layer ${i} does not exist`);
      return untar(blob(l.digest), l.mediaType, keep);
    },
  };
}

export function registryImage(registry: RegistryClient, repo: Repository, reference: string, describe: string): ImageSource {
  let manifest: Promise<{ digest: string; doc: Manifest }> | undefined;
  const load = (): Promise<{ digest: string; doc: Manifest }> =>
    (manifest ??= (async () => {
      const m = await registry.get(repo, reference);
      if (!m) throw new Error(`${describe} does not exist in the registry`);
      let digest = m.digest;
      let doc = JSON.parse(m.body.toString('utf8')) as Manifest;
      if (doc.manifests) {
        digest =
          (doc.manifests.find((x) => x.platform?.architecture === 'amd64' && x.platform.os === 'linux') ?? doc.manifests[0])?.digest ??
          digest;
        const inner = await registry.get(repo, digest);
        if (!inner) throw new Error(`${describe}: manifest ${digest} is missing`);
        doc = JSON.parse(inner.body.toString('utf8')) as Manifest;
      }
      return { digest, doc };
    })());
  return {
    describe,
    shape: async () => {
      const { digest, doc } = await load();
      return {
        manifestDigest: digest,
        configDigest: doc.config.digest,
        layers: doc.layers.map((l) => ({ digest: l.digest, size: l.size })),
      };
    },
    layer: async (i, keep) => {
      const l = (await load()).doc.layers[i];
      if (!l) throw new Error(`layer ${i} does not exist`);
      return untar(await registry.blob(repo, l.digest), l.mediaType, keep);
    },
  };
}
