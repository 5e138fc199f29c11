import { type Keep, type TarEntry } from './tar.js';

/**
 * What is inside an image, read from its layers without running it: Debian
 * packages (dpkg's status file), Python packages (dist-info/egg-info
 * metadata, what `pip list` reads) and the torch build (torch/version.py).
 * Pure: works on the entries of the layers, bottom first.
 */

export interface Inventory {
  /** where the package lists come from: the image's own inventory file (the embedded template writes one), or the layers' metadata */
  source: 'inventory' | 'layers';
  python: Record<string, string>;
  debian: Record<string, string>;
  torch: string | null;
  cuda: string | null;
  cudnn: string | null;
  nccl: string | null;
}

/** The inventory the embedded template writes (INVENTORY_PATH, without the leading slash). */
export const IMAGE_INVENTORY = 'etc/gpu-image-matrix/inventory.json';

/** The files the inventory reads; only these are kept in memory when layers are read. */
export function inventoryWants(path: string): boolean {
  return (
    path === IMAGE_INVENTORY ||
    path === 'var/lib/dpkg/status' ||
    /(?:site|dist)-packages\/[^/]+\.dist-info\/METADATA$/.test(path) ||
    /(?:site|dist)-packages\/[^/]+\.egg-info(?:\/PKG-INFO)?$/.test(path) ||
    /(?:site|dist)-packages\/torch\/version\.py$/.test(path)
  );
}

/**
 * What the inventory keeps of a layer's entries: the content of the files it reads, and the
 * whiteouts that may delete them; nothing of the rest (no headers, no hashing), so a layer of
 * any size costs only those few files.
 */
export function inventorySelect(path: string): Keep {
  if (inventoryWants(path)) return 'content';
  return path.slice(path.lastIndexOf('/') + 1).startsWith('.wh.') ? 'header' : 'none';
}

function headers(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break;
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (m?.[1] && !(m[1] in out)) out[m[1]] = (m[2] ?? '').trim();
  }
  return out;
}

/** pip normalises names (PEP 503): "Torch_Vision" and "torch-vision" are one package. */
export function pipName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function inventoryOf(files: Map<string, TarEntry>): Inventory {
  const inv: Inventory = { source: 'layers', python: {}, debian: {}, torch: null, cuda: null, cudnn: null, nccl: null };
  const own = readImageInventory(files.get(IMAGE_INVENTORY));
  for (const [path, e] of files) {
    if (!e.content || path === IMAGE_INVENTORY) continue;
    const text = e.content.toString('utf8');
    if (path === 'var/lib/dpkg/status') {
      for (const stanza of text.split(/\n\n+/)) {
        const h = headers(stanza);
        if (h.Package && h.Version && /install ok installed/.test(h.Status ?? '')) inv.debian[h.Package] = h.Version;
      }
    } else if (/torch\/version\.py$/.test(path)) {
      inv.torch = /__version__\s*=\s*['"]([^'"]+)['"]/.exec(text)?.[1] ?? inv.torch;
      const cuda = /^cuda(?:\s*:[^=\n]*)?\s*=\s*['"]([^'"]+)['"]/m.exec(text)?.[1];
      inv.cuda = cuda ?? inv.cuda;
    } else {
      const h = headers(text);
      if (h.Name && h.Version) inv.python[pipName(h.Name)] = h.Version;
    }
  }
  if (own) {
    // What the image says it holds, written as its last build step: no probing needed.
    inv.source = 'inventory';
    inv.python = own.python;
    inv.debian = own.debian;
    inv.torch = own.python.torch ?? inv.torch;
  }
  const pkg = (prefix: RegExp): string | null => Object.entries(inv.python).find(([n]) => prefix.test(n))?.[1] ?? null;
  inv.cudnn = pkg(/^nvidia-cudnn-cu\d+$/);
  inv.nccl = pkg(/^nvidia-nccl-cu\d+$/);
  return inv;
}

export interface PackageChange {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  baseline?: string;
  current?: string;
}

export function diffPackages(baseline: Record<string, string>, current: Record<string, string>): PackageChange[] {
  const names = [...new Set([...Object.keys(baseline), ...Object.keys(current)])].sort();
  const out: PackageChange[] = [];
  for (const name of names) {
    const b = baseline[name];
    const c = current[name];
    if (b === undefined && c !== undefined) out.push({ name, kind: 'added', current: c });
    else if (c === undefined && b !== undefined) out.push({ name, kind: 'removed', baseline: b });
    else if (b !== c)
      out.push({ name, kind: 'changed', ...(b !== undefined ? { baseline: b } : {}), ...(c !== undefined ? { current: c } : {}) });
  }
  return out;
}

/** The package lists of the image's inventory file, or null when it is missing or not one. */
function readImageInventory(e: TarEntry | undefined): { python: Record<string, string>; debian: Record<string, string> } | null {
  if (!e?.content) return null;
  try {
    const doc = JSON.parse(e.content.toString('utf8')) as {
      tool?: string;
      pythonPackages?: { name?: string; version?: string }[];
      systemPackages?: { name?: string; version?: string }[];
    };
    if (doc.tool !== 'gpu-image-matrix' || !Array.isArray(doc.pythonPackages) || !Array.isArray(doc.systemPackages)) return null;
    const python: Record<string, string> = {};
    for (const p of doc.pythonPackages) if (p.name && p.version) python[pipName(p.name)] = p.version;
    const debian: Record<string, string> = {};
    for (const p of doc.systemPackages) if (p.name && p.version) debian[p.name] = p.version;
    return { python, debian };
  } catch {
    return null;
  }
}
