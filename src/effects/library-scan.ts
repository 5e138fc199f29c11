import {
  MAX_REPORTED_DUPLICATES,
  applyLayers,
  duplicateLibraries,
  layerLibraries,
  scanSelects,
  wastedBytes,
  type DuplicateLibrary,
  type LayerLibraries,
} from '../image/libraries.js';
import type { ImageSource } from './oci.js';

/**
 * The duplicated-library scan of one image: its layers streamed from the registry (or an OCI
 * layout), a few at a time, each through the bounded tar reader keeping only library names, sizes and
 * whiteouts; nothing is hashed, no file content is kept. A layer's part is remembered by its digest
 * for the run, so entries on one base read the base once.
 */

export interface LibraryScan {
  /** the largest groups, at most MAX_REPORTED_DUPLICATES */
  duplicates: DuplicateLibrary[];
  /** what every group wastes, those left out of `duplicates` included */
  wastedBytes: number;
  /** groups left out of `duplicates` */
  leftOut: number;
  layers: number;
  /** uncompressed bytes of the layers read (remembered ones included) */
  tarBytes: number;
  /** layers read in this scan, not remembered from an earlier one */
  layersRead: number;
}

/** Per layer digest, for the run: parallel builds on one base wait for one read. */
export type LayerMemo = Map<string, Promise<LayerLibraries>>;

/** Layers read at once: the registry's answer, gunzip (on libuv's threads) and the parser overlap across layers. */
export const SCAN_CONCURRENCY = 3;

export async function scanLibraries(source: ImageSource, memo: LayerMemo, signal?: AbortSignal): Promise<LibraryScan> {
  const shape = await source.shape();
  let layersRead = 0;
  const partOf = (i: number, digest: string): Promise<LayerLibraries> => {
    let part = memo.get(digest);
    if (!part) {
      layersRead++;
      const read = { tarBytes: 0 };
      part = source.layer(i, scanSelects, { hash: false, read }).then((entries) => layerLibraries(entries, read.tarBytes));
      memo.set(digest, part);
      // A failed read is not remembered: the next image on that layer tries again.
      part.catch(() => memo.delete(digest));
    }
    return part;
  };
  const parts: Promise<LayerLibraries>[] = [];
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    // A failed layer or a cancelled run starts no further read: the scan has no answer anyway.
    while (next < shape.layers.length && !failed && !signal?.aborted) {
      const i = next++;
      const part = partOf(i, (shape.layers[i] as { digest: string }).digest);
      parts[i] = part;
      // Waited for here so that no more than SCAN_CONCURRENCY reads run.
      await part.catch(() => {
        failed = true;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, shape.layers.length) }, worker));
  if (signal?.aborted) throw new Error('stopped: the run was cancelled');
  const layers = await Promise.all(parts);
  const all = duplicateLibraries(applyLayers(layers));
  return {
    duplicates: all.slice(0, MAX_REPORTED_DUPLICATES),
    wastedBytes: wastedBytes(all),
    leftOut: Math.max(0, all.length - MAX_REPORTED_DUPLICATES),
    layers: layers.length,
    tarBytes: layers.reduce((sum, l) => sum + l.tarBytes, 0),
    layersRead,
  };
}
