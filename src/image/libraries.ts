import { mergeLayers, type EntryType, type TarEntry } from '../repro/tar.js';

/**
 * Shared libraries an image holds twice: the same soname under two paths, e.g. libcudnn.so.9 in
 * /usr/lib/x86_64-linux-gnu (from a cudnn base image) and in site-packages/nvidia/cudnn/lib (from the
 * wheel torch requires). Pure: the effects layer reads the layers and gives their entries here.
 *
 * The soname is taken from the file name by the loader's naming convention (lib<name>.so.<major>,
 * libcudnn.so.9.1.0 → libcudnn.so.9), not from the ELF dynamic section: that lies near the end of a
 * library, and reading it would mean keeping each library whole while its layer streams past. Both
 * copies of a library are named by the same convention, so they meet under the same name.
 *
 * Layers are applied in order as the container's filesystem sees them, by repro's mergeLayers
 * (whiteouts, opaque folders, a link where a lower layer had a folder: /usr/local/cuda made a symlink).
 * A hard link shares its target's bytes and is not counted (when a later layer removes the target but
 * not the link, those bytes go uncounted: the report errs low).
 */

export interface DuplicateLibrary {
  soname: string;
  /** what the copies beyond the largest take, uncompressed: what removing all but one would save */
  bytes: number;
  /** the paths holding it, largest first: at most MAX_PATHS_PER_LIBRARY */
  paths: string[];
  /** how many paths hold it (more than `paths` lists when a library is held very many times) */
  copies: number;
}

/** What one layer does to the image's libraries; the part of a layer the scan keeps (small, cached per layer digest). */
export interface LayerLibraries {
  /** regular files named like a library, with their uncompressed sizes */
  files: { path: string; size: number }[];
  /** paths this layer removes from the layers below (whiteouts), and folders it makes opaque */
  removed: string[];
  opaque: string[];
  /** paths this layer puts a link (or a library-named non-file) at: they hide what lower layers had there, a folder's content too */
  replaced: string[];
  /** uncompressed bytes of the layer, for the scan's report */
  tarBytes: number;
}

/**
 * The most groups one image's report lists (largest first; the waste counts them all), and paths per
 * group: the `images` output of a whole matrix travels through a workflow's outputs (1 MB) and
 * environment (128 KiB per variable), so one entry's report stays a few KiB.
 */
export const MAX_REPORTED_DUPLICATES = 32;
export const MAX_PATHS_PER_LIBRARY = 8;

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
// lib<name>.so, optionally followed by dotted numbers: the soname keeps the first of them.
const LIBRARY_NAME = /^(lib.+?\.so)((?:\.\d+)*)$/;

/** The soname a file name stands for (libcudnn.so.9.1.0 → libcudnn.so.9), or null when it is not named like a library. */
export function sonameOf(fileName: string): string | null {
  const m = LIBRARY_NAME.exec(fileName);
  if (!m) return null;
  const major = /^\.\d+/.exec(m[2] ?? '')?.[0] ?? '';
  return `${m[1]}${major}`;
}

const baseName = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** Which tar entries the scan needs: library-named paths, whiteouts and links (headers only; no content is kept). */
export function scanSelects(path: string, type?: EntryType): 'header' | 'none' {
  const name = baseName(path);
  return name.startsWith(WHITEOUT) || type === 'symlink' || sonameOf(name) !== null ? 'header' : 'none';
}

/** A layer's entries (as `scanSelects` chose them) reduced to what it does to the libraries. */
export function layerLibraries(entries: TarEntry[], tarBytes: number): LayerLibraries {
  const out: LayerLibraries = { files: [], removed: [], opaque: [], replaced: [], tarBytes };
  for (const e of entries) {
    const name = baseName(e.path);
    const dir = e.path.slice(0, e.path.length - name.length).replace(/\/$/, '');
    if (name === OPAQUE) out.opaque.push(dir);
    else if (name.startsWith(WHITEOUT)) out.removed.push(dir ? `${dir}/${name.slice(WHITEOUT.length)}` : name.slice(WHITEOUT.length));
    else if (e.type === 'file') {
      if (sonameOf(name)) out.files.push({ path: e.path, size: e.size });
    } else if (e.type !== 'dir') out.replaced.push(e.path);
    // (a hard link shares its target's bytes: it hides a lower file at its path but takes no space of its own)
  }
  return out;
}

/** The libraries the image's filesystem holds after its layers are applied in order (mergeLayers): path → bytes. */
export function applyLayers(layers: LayerLibraries[]): Map<string, number> {
  // Each layer's compact part read back as the tar entries it stands for.
  const entries = layers.map((l) => [
    ...l.removed.map((p) => ({ path: whiteoutOf(p), type: 'file' as EntryType, size: 0 })),
    ...l.opaque.map((d) => ({ path: d ? `${d}/${OPAQUE}` : OPAQUE, type: 'file' as EntryType, size: 0 })),
    ...l.replaced.map((p) => ({ path: p, type: 'symlink' as EntryType, size: 0 })),
    ...l.files.map((f) => ({ path: f.path, type: 'file' as EntryType, size: f.size })),
  ]);
  const files = new Map<string, number>();
  for (const [path, e] of mergeLayers(entries)) if (e.type === 'file') files.set(path, e.size);
  return files;
}

/** "a/b" → "a/.wh.b": the whiteout entry that removes a path. */
function whiteoutOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? `${path.slice(0, slash)}/${WHITEOUT}${path.slice(slash + 1)}` : `${WHITEOUT}${path}`;
}

/** Sonames held under more than one path, most bytes wasted first. */
export function duplicateLibraries(files: Map<string, number>): DuplicateLibrary[] {
  const groups = new Map<string, { path: string; size: number }[]>();
  for (const [path, size] of files) {
    const soname = sonameOf(baseName(path));
    if (!soname) continue;
    const group = groups.get(soname) ?? [];
    group.push({ path, size });
    groups.set(soname, group);
  }
  const out: DuplicateLibrary[] = [];
  for (const [soname, group] of groups) {
    if (group.length < 2) continue;
    group.sort((a, b) => b.size - a.size || a.path.localeCompare(b.path));
    const bytes = group.slice(1).reduce((sum, f) => sum + f.size, 0);
    out.push({ soname, bytes, paths: group.slice(0, MAX_PATHS_PER_LIBRARY).map((f) => `/${f.path}`), copies: group.length });
  }
  return out.sort((a, b) => b.bytes - a.bytes || a.soname.localeCompare(b.soname));
}

/** The bytes every duplicate wastes together. */
export function wastedBytes(duplicates: DuplicateLibrary[]): number {
  return duplicates.reduce((sum, d) => sum + d.bytes, 0);
}

/** What a run keeps of its scans for the next run (the Actions cache): each layer's part, by digest. */
export interface LayerScanFile {
  schema: 1;
  layers: Record<string, LayerLibraries>;
}

/** Layers kept from one run to the next: the newest first, the rest dropped (a few KiB each). */
export const MAX_REMEMBERED_LAYERS = 1000;

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const isText = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 4096;
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * The layers a file saved by an earlier run holds, checked field by field: the cache is shared with
 * other branches' runs, so what does not have the shape the scan writes is left out, not trusted.
 */
export function readLayerScanFile(doc: unknown): Map<string, LayerLibraries> {
  const out = new Map<string, LayerLibraries>();
  if (typeof doc !== 'object' || doc === null || (doc as { schema?: unknown }).schema !== 1) return out;
  const layers = (doc as { layers?: unknown }).layers;
  if (typeof layers !== 'object' || layers === null) return out;
  for (const [digest, part] of Object.entries(layers as Record<string, unknown>).slice(0, MAX_REMEMBERED_LAYERS)) {
    if (!DIGEST.test(digest) || typeof part !== 'object' || part === null) continue;
    const p = part as Record<string, unknown>;
    const files = p.files;
    const lists = [p.removed, p.opaque, p.replaced];
    if (!Array.isArray(files) || !files.every((f) => typeof f === 'object' && f !== null && isText(f.path) && isSize(f.size))) continue;
    if (!lists.every((l) => Array.isArray(l) && l.every((x) => typeof x === 'string' && x.length <= 4096))) continue;
    if (!isSize(p.tarBytes)) continue;
    out.set(digest, {
      files: (files as { path: string; size: number }[]).map((f) => ({ path: f.path, size: f.size })),
      removed: [...(p.removed as string[])],
      opaque: [...(p.opaque as string[])],
      replaced: [...(p.replaced as string[])],
      tarBytes: p.tarBytes,
    });
  }
  return out;
}
