import { createHash, type Hash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import type { ImageShape } from '../repro/compare.js';
import { TarError, TarParser, type EntryType, type Keep, type TarEntry, type TarLimits } from '../repro/tar.js';
import { BlobCheck, RegistryClient } from './registry.js';
import type { Repository } from '../image/reference.js';
import { ManifestError, platformDigest, readManifest, type Descriptor, type ManifestDoc } from '../image/manifest.js';

/**
 * Images as the reproducibility check reads them: an OCI layout directory
 * (what BuildKit's oci exporter writes) or a registry. Both give the image's
 * shape and its layers' tar entries, each layer read as a stream.
 */
export interface ImageSource {
  shape(): Promise<ImageShape>;
  /** the entries of layer i; `select` says per path what to keep (by default every header, no content) */
  layer(i: number, select?: (path: string, type: EntryType) => Keep, options?: LayerReadOptions): Promise<TarEntry[]>;
  describe: string;
}

/** How a layer is read: whether files are hashed (repro compares them; a scan does not), and where its uncompressed size is told. */
export interface LayerReadOptions {
  hash?: boolean;
  read?: { tarBytes: number };
}

type ImageDoc = Extract<ManifestDoc, { kind: 'image' }>;

/** Decompression chosen by media type: gzip, zstd where this Node has it (22.15 and newer), or none. */
function decompressor(mediaType: string): Transform {
  // Larger output chunks than zlib's 16 KiB: fewer passes through the parser for the same bytes.
  const chunkSize = 128 * 1024;
  if (/zstd/.test(mediaType)) {
    const zstd = (zlib as { createZstdDecompress?: (o: { chunkSize: number }) => Transform }).createZstdDecompress;
    if (typeof zstd !== 'function') {
      throw new Error(
        `the layer is zstd-compressed, which Node ${process.version} cannot read (Node 22.15 or newer can: ` +
          'the action runs on node24); or build with the default gzip compression',
      );
    }
    return zstd({ chunkSize });
  }
  if (/gzip/.test(mediaType)) return zlib.createGunzip({ chunkSize });
  if (/tar$/.test(mediaType)) return new PassThrough();
  throw new Error(`the layer's media type ${JSON.stringify(mediaType)} is not a tar layer (plain, gzip or zstd)`);
}

/**
 * Read one layer from a stream of its blob: the blob's digest checked as it passes, then
 * decompressed and parsed by the bounded tar parser, a chunk at a time. Memory stays that of a
 * few chunks plus what `select` keeps, whatever the layer's size; each chunk is a turn of the
 * event loop, so an abort (the runner's SIGTERM) ends the read.
 */
export async function readLayer(
  open: () => Promise<Readable> | Readable,
  layer: Descriptor,
  name: string,
  options: { select?: (path: string, type: EntryType) => Keep; limits?: Partial<TarLimits>; signal?: AbortSignal } & LayerReadOptions = {},
): Promise<TarEntry[]> {
  const where = `${name} (${layer.digest})`;
  const parser = new TarParser(options.select, options.limits, options.hash ?? true);
  const [algorithm, expected] = layer.digest.split(':');
  // Hashed here unless the source checks its size and digest itself (a registry's BlobCheck).
  let digest: Hash | null = null;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      digest?.update(chunk);
      done(null, chunk);
    },
  });
  // The first error as the parser saw it: pipeline may report a file stream's AbortError instead.
  let failure: unknown = null;
  try {
    const decompress = decompressor(layer.mediaType);
    const source = await open();
    if (algorithm === 'sha256' && !(source instanceof BlobCheck && source.digest === layer.digest)) digest = createHash('sha256');
    await pipeline(
      source,
      tap,
      decompress,
      async (chunks: AsyncIterable<Buffer>) => {
        try {
          let sinceTurn = 0;
          for await (const chunk of chunks) {
            parser.write(chunk);
            // A turn of the event loop every few MiB, whatever the source: signals (SIGTERM) are handled there.
            if ((sinceTurn += chunk.length) >= 4 * 1024 * 1024) {
              sinceTurn = 0;
              await new Promise((resolve) => setImmediate(resolve));
            }
          }
        } catch (err) {
          failure = err;
          throw err;
        }
      },
      options.signal ? { signal: options.signal } : {},
    );
    const entries = parser.end();
    if (options.read) options.read.tarBytes = parser.bytesRead;
    if (digest && digest.digest('hex') !== expected) {
      throw new Error(`its bytes do not match its digest: the blob was cut short or changed on the way`);
    }
    return entries;
  } catch (err) {
    const e = (failure ?? err) as NodeJS.ErrnoException;
    const why = options.signal?.aborted
      ? 'stopped: the run was cancelled'
      : e instanceof TarError
        ? `not a well-formed tar: ${e.message}`
        : e.code?.startsWith('Z_')
          ? `its compressed data is damaged or cut short (${e.message})`
          : e.message;
    throw new Error(`${where}: ${why}`, { cause: err });
  }
}

/** An OCI layout's image for one architecture ("amd64", "arm64"), when the layout holds an index of several. */
export function ociLayout(dir: string, signal?: AbortSignal, architecture = 'amd64'): ImageSource {
  const blobPath = (digest: string): string => path.join(dir, 'blobs', ...digest.split(':'));
  const blob = (digest: string): Buffer => readFileSync(blobPath(digest));
  let manifest: { digest: string; doc: ImageDoc } | undefined;
  const load = (): { digest: string; doc: ImageDoc } => {
    if (manifest) return manifest;
    const index = readManifest(readFileSync(path.join(dir, 'index.json'), 'utf8'), `${dir}/index.json`);
    if (index.kind !== 'index') throw new ManifestError(`${dir}/index.json: not an OCI index`);
    let digest = platformDigest(index.manifests, `${dir}/index.json`, architecture);
    let doc = readManifest(blob(digest).toString('utf8'), `${dir}: manifest ${digest}`);
    if (doc.kind === 'index') {
      // An index (several platforms, or attestations): the linux/<architecture> image manifest in it.
      digest = platformDigest(doc.manifests, `${dir}: index ${digest}`, architecture);
      doc = readManifest(blob(digest).toString('utf8'), `${dir}: manifest ${digest}`);
    }
    if (doc.kind !== 'image') throw new ManifestError(`${dir}: manifest ${digest} is an index inside an index`);
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
    layer: async (i, select, how) => {
      const l = load().doc.layers[i];
      if (!l) throw new Error(`layer ${i} does not exist`);
      return readLayer(() => createReadStream(blobPath(l.digest), { highWaterMark: 256 * 1024 }), l, `layer ${i} of OCI layout ${dir}`, {
        ...how,
        ...(select ? { select } : {}),
        ...(signal ? { signal } : {}),
      });
    },
  };
}

export function registryImage(
  registry: RegistryClient,
  repo: Repository,
  reference: string,
  describe: string,
  signal?: AbortSignal,
  /** which image of an index: "amd64", "arm64" */
  architecture = 'amd64',
): ImageSource {
  let manifest: Promise<{ digest: string; doc: ImageDoc }> | undefined;
  const load = (): Promise<{ digest: string; doc: ImageDoc }> =>
    (manifest ??= (async () => {
      const m = await registry.get(repo, reference);
      if (!m) throw new Error(`${describe} does not exist in the registry`);
      let digest = m.digest;
      let doc = readManifest(m.body.toString('utf8'), `${describe}: manifest ${digest}`);
      if (doc.kind === 'index') {
        digest = platformDigest(doc.manifests, `${describe}: index ${digest}`, architecture);
        const inner = await registry.get(repo, digest);
        if (!inner) throw new Error(`${describe}: manifest ${digest} is missing`);
        doc = readManifest(inner.body.toString('utf8'), `${describe}: manifest ${digest}`);
      }
      if (doc.kind !== 'image') throw new ManifestError(`${describe}: manifest ${digest} is an index inside an index`);
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
    layer: async (i, select, how) => {
      const l = (await load()).doc.layers[i];
      if (!l) throw new Error(`layer ${i} does not exist`);
      return readLayer(() => registry.blobStream(repo, l.digest, l.size), l, `layer ${i} of ${describe}`, {
        ...how,
        ...(select ? { select } : {}),
        ...(signal ? { signal } : {}),
      });
    },
  };
}
