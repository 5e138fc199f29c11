import type { TarEntry } from './tar.js';

/**
 * Determinism: two builds of the same sources compared digest by digest, then
 * file by file in the first layer that differs. Pure.
 */

export interface ImageShape {
  /** the per-platform manifest's digest */
  manifestDigest: string;
  configDigest: string;
  layers: { digest: string; size: number }[];
}

export type FileDiffKind = 'added' | 'removed' | 'type' | 'content' | 'size' | 'mode' | 'mtime' | 'link' | 'owner';

export interface FileDiff {
  path: string;
  kind: FileDiffKind;
  a?: string;
  b?: string;
}

export interface DeterminismResult {
  deterministic: boolean;
  manifest: { a: string; b: string; same: boolean };
  config: { a: string; b: string; same: boolean };
  layers: { index: number; a: string | null; b: string | null; same: boolean }[];
  /** 0-based index of the first layer whose digest differs */
  firstDifferentLayer: number | null;
  /** differing paths in that layer, the first MAX_FILE_DIFFS */
  files: FileDiff[];
  totalFileDiffs: number;
  /** why there is no file list, when there is none */
  filesNote?: string;
}

export const MAX_FILE_DIFFS = 50;

export function compareShapes(a: ImageShape, b: ImageShape): Omit<DeterminismResult, 'files' | 'totalFileDiffs'> {
  const count = Math.max(a.layers.length, b.layers.length);
  const layers = Array.from({ length: count }, (_, i) => {
    const la = a.layers[i]?.digest ?? null;
    const lb = b.layers[i]?.digest ?? null;
    return { index: i, a: la, b: lb, same: la === lb };
  });
  const first = layers.find((l) => !l.same);
  return {
    deterministic: a.manifestDigest === b.manifestDigest,
    manifest: { a: a.manifestDigest, b: b.manifestDigest, same: a.manifestDigest === b.manifestDigest },
    config: { a: a.configDigest, b: b.configDigest, same: a.configDigest === b.configDigest },
    layers,
    firstDifferentLayer: first ? first.index : null,
  };
}

/** Entries of two layers compared by path: what differs and how, in path order. */
export function diffEntries(a: TarEntry[], b: TarEntry[]): FileDiff[] {
  const byPath = (list: TarEntry[]): Map<string, TarEntry> => new Map(list.map((e) => [e.path, e]));
  const ma = byPath(a);
  const mb = byPath(b);
  const paths = [...new Set([...ma.keys(), ...mb.keys()])].sort();
  const out: FileDiff[] = [];
  for (const path of paths) {
    const ea = ma.get(path);
    const eb = mb.get(path);
    if (!ea) out.push({ path, kind: 'added' });
    else if (!eb) out.push({ path, kind: 'removed' });
    else if (ea.type !== eb.type) out.push({ path, kind: 'type', a: ea.type, b: eb.type });
    else if (ea.sha256 !== eb.sha256)
      out.push({ path, kind: ea.size !== eb.size ? 'size' : 'content', a: String(ea.size), b: String(eb.size) });
    else if (ea.link !== eb.link) out.push({ path, kind: 'link', a: ea.link, b: eb.link });
    else if (ea.mode !== eb.mode) out.push({ path, kind: 'mode', a: ea.mode.toString(8), b: eb.mode.toString(8) });
    else if (ea.uid !== eb.uid || ea.gid !== eb.gid) out.push({ path, kind: 'owner', a: `${ea.uid}:${ea.gid}`, b: `${eb.uid}:${eb.gid}` });
    else if (ea.mtime !== eb.mtime)
      out.push({ path, kind: 'mtime', a: new Date(ea.mtime * 1000).toISOString(), b: new Date(eb.mtime * 1000).toISOString() });
  }
  return out;
}

/** A hint at the usual causes, from the paths that differ. */
export function likelyCause(files: FileDiff[]): string | null {
  const paths = files.map((f) => f.path);
  if (paths.some((p) => /\.pyc$/.test(p)))
    return 'compiled Python (.pyc) embeds source timestamps: declare ARG SOURCE_DATE_EPOCH in the stage, or install with --no-compile';
  if (paths.some((p) => /^var\/log\//.test(p))) return 'logs written during the build (/var/log): delete them in the same step';
  if (paths.some((p) => /^var\/lib\/apt\/lists\//.test(p) || /^var\/cache\/(apt|ldconfig)\//.test(p)))
    return 'apt lists or caches left in the layer: rm -rf /var/lib/apt/lists/* /var/cache/ldconfig/aux-cache in the same step';
  if (files.length && files.every((f) => f.kind === 'mtime'))
    return 'file times differ: build with rewrite-timestamp=true and SOURCE_DATE_EPOCH';
  if (files.some((f) => f.kind === 'content' || f.kind === 'size'))
    return 'a step writes different content on each build (a timestamp, a random value, a download that moved)';
  return null;
}
