import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_REMEMBERED_LAYERS, readLayerScanFile, type LayerLibraries, type LayerScanFile } from '../image/libraries.js';
import { restoreDir, saveDir, type CacheLog } from './actions-cache.js';
import type { LayerMemo } from './library-scan.js';

/**
 * The duplicate scan's layers remembered from one run to the next, through the Actions cache: a
 * rebuild whose top layer changed then reads only its new layers, not the base's gigabytes again.
 * A layer is named by its digest, so what a file says of it holds for every image and branch. Each
 * failure is a warning (from actions-cache.ts) and the scan reads the layers itself.
 */

export const LAYER_SCAN_CACHE_PREFIX = 'gim-layer-scan-v1-';
const FILE = 'layers.json';
/** A file of MAX_REMEMBERED_LAYERS layers is a few MiB; anything much larger was not written by the scan. */
const MAX_FILE_BYTES = 32 * 1024 * 1024;

/** Where the file is restored and saved from: one path per runner (RUNNER_TEMP), as the cache matches paths exactly. */
export function layerScanDir(tempDir: string): string {
  return path.join(tempDir, 'gim-layer-scan');
}

/** The newest file an earlier run saved, into `memo` (layers already there stay); how many layers it gave, and its key. */
export async function restoreLayerScans(
  dir: string,
  memo: LayerMemo,
  log: CacheLog,
  timeoutMs: number,
): Promise<{ layers: number; key: string | null }> {
  rmSync(dir, { recursive: true, force: true });
  const key = await restoreDir(
    dir,
    `${LAYER_SCAN_CACHE_PREFIX}restore`,
    [LAYER_SCAN_CACHE_PREFIX],
    log,
    timeoutMs,
    'the duplicate scan reads every layer itself',
  );
  if (!key) return { layers: 0, key: null };
  const file = path.join(dir, FILE);
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) throw new Error(`it is ${size} bytes, more than the scan writes`);
    const parts = readLayerScanFile(JSON.parse(readFileSync(file, 'utf8')) as unknown);
    for (const [digest, part] of parts) if (!memo.has(digest)) memo.set(digest, Promise.resolve(part));
    return { layers: parts.size, key };
  } catch (err) {
    log.warning(`the layer scan cache ${key} could not be read, scanning without it: ${(err as Error).message}`);
    return { layers: 0, key };
  }
}

/** Every layer the run knows (the newest MAX_REMEMBERED_LAYERS), saved under a key named by its content; the key, or null. */
export async function saveLayerScans(dir: string, memo: LayerMemo, log: CacheLog, timeoutMs: number): Promise<string | null> {
  const settled = await Promise.allSettled(
    [...memo].map(async ([digest, part]): Promise<[string, LayerLibraries]> => [digest, await part]),
  );
  // The memo keeps insertion order: restored layers first, this run's after; the newest are kept.
  const known = settled
    .filter((s): s is PromiseFulfilledResult<[string, LayerLibraries]> => s.status === 'fulfilled')
    .map((s) => s.value)
    .slice(-MAX_REMEMBERED_LAYERS);
  if (!known.length) return null;
  const doc: LayerScanFile = { schema: 1, layers: Object.fromEntries(known) };
  const name = createHash('sha256')
    .update(
      known
        .map(([d]) => d)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 16);
  const key = `${LAYER_SCAN_CACHE_PREFIX}${name}`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, FILE), JSON.stringify(doc));
  return (await saveDir(dir, key, log, timeoutMs, 'the next run scans those layers again; the images are not affected')) ? key : null;
}
