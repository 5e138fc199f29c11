import { exactPin } from '../frameworks/framework.js';

/**
 * A wheel's METADATA without downloading the wheel: where it sits in the zip archive, read from
 * the archive's tail (the end-of-central-directory record and the central directory), as pip and
 * uv do with HTTP range requests; and what it says (Requires-Dist). Pure: takes bytes, gives
 * offsets and text. What an index serves is untrusted: every offset and size is checked against
 * the archive's length before it is used.
 */

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflate */
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Where the central directory is, read from the archive's last bytes (`tail` starts at `tailStart`). */
export function centralDirectory(tail: Buffer, tailStart: number, archiveSize: number): { offset: number; size: number } {
  // EOCD: signature 0x06054b50, 22 bytes plus a comment of at most 65535.
  for (let i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65535; i--) {
    if (tail.readUInt32LE(i) !== 0x06054b50) continue;
    let size = tail.readUInt32LE(i + 12);
    let offset = tail.readUInt32LE(i + 16);
    if (offset === 0xffffffff || size === 0xffffffff) {
      // Zip64: the locator just before the EOCD names the zip64 EOCD record.
      const loc = i - 20;
      if (loc < 0 || tail.readUInt32LE(loc) !== 0x07064b50) throw new ZipError('a zip64 archive without its locator');
      const recordAt = Number(tail.readBigUInt64LE(loc + 8)) - tailStart;
      if (recordAt < 0 || recordAt + 56 > tail.length || tail.readUInt32LE(recordAt) !== 0x06064b50) {
        throw new ZipError('the zip64 end record is not where its locator says');
      }
      size = Number(tail.readBigUInt64LE(recordAt + 40));
      offset = Number(tail.readBigUInt64LE(recordAt + 48));
    }
    if (offset + size > archiveSize || offset < 0) throw new ZipError('the central directory lies outside the archive');
    return { offset, size };
  }
  throw new ZipError('no end-of-central-directory record in the last bytes: not a zip archive');
}

/** The `*.dist-info/METADATA` entry of the central directory (`dir` is the whole directory). */
export function metadataEntry(dir: Buffer, archiveSize: number): ZipEntry {
  let at = 0;
  const found: ZipEntry[] = [];
  while (at + 46 <= dir.length) {
    if (dir.readUInt32LE(at) !== 0x02014b50) throw new ZipError('a broken central directory');
    const method = dir.readUInt16LE(at + 10);
    let compressedSize = dir.readUInt32LE(at + 20);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    let localHeaderOffset = dir.readUInt32LE(at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > dir.length) throw new ZipError('a central directory entry runs past the directory');
    const name = dir.toString('utf8', at + 46, at + 46 + nameLength);
    if (compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
      const zip64 = zip64Extra(dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), {
        size: dir.readUInt32LE(at + 24) === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: localHeaderOffset === 0xffffffff,
      });
      compressedSize = zip64.compressed ?? compressedSize;
      localHeaderOffset = zip64.offset ?? localHeaderOffset;
    }
    if (/^[^/]+\.dist-info\/METADATA$/.test(name)) found.push({ name, method, compressedSize, localHeaderOffset });
    at = end;
  }
  if (found.length !== 1) throw new ZipError(found.length ? 'two METADATA files' : 'no *.dist-info/METADATA in the archive');
  const entry = found[0] as ZipEntry;
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`METADATA is compressed with method ${entry.method}`);
  if (entry.localHeaderOffset + 30 + entry.compressedSize > archiveSize) throw new ZipError('METADATA lies outside the archive');
  if (entry.compressedSize > MAX_METADATA_BYTES)
    throw new ZipError(`METADATA is ${entry.compressedSize} bytes, more than ${MAX_METADATA_BYTES}`);
  return entry;
}

/** How far the entry's data starts after its local header, read from the header's first 30 bytes. */
export function localDataStart(header: Buffer): number {
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) throw new ZipError('no local file header where the directory says');
  return 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

function zip64Extra(extra: Buffer, has: { size: boolean; compressed: boolean; offset: boolean }): { compressed?: number; offset?: number } {
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = extra.readUInt16LE(at);
    const len = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let p = at + 4;
      const next = (): number | undefined => {
        if (p + 8 > at + 4 + len || p + 8 > extra.length) throw new ZipError('a zip64 extra field shorter than its sizes');
        const v = Number(extra.readBigUInt64LE(p));
        p += 8;
        return v;
      };
      if (has.size) next();
      const compressed = has.compressed ? next() : undefined;
      const offset = has.offset ? next() : undefined;
      return { ...(compressed !== undefined ? { compressed } : {}), ...(offset !== undefined ? { offset } : {}) };
    }
    at += 4 + len;
  }
  return {};
}

/** The most METADATA read: torch's is a few KB. */
export const MAX_METADATA_BYTES = 1024 * 1024;

export class ZipError extends Error {}

export interface WheelMetadata {
  name: string;
  version: string;
  requiresDist: string[];
}

/** The core metadata fields refresh reads (an email-header format: "Key: value" lines until a blank one). */
export function parseMetadata(text: string): WheelMetadata {
  const meta: WheelMetadata = { name: '', version: '', requiresDist: [] };
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break; // the description follows
    const m = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!m) continue;
    const key = (m[1] as string).toLowerCase();
    const value = (m[2] as string).trim();
    if (key === 'name') meta.name = value;
    else if (key === 'version') meta.version = value;
    else if (key === 'requires-dist') meta.requiresDist.push(value);
  }
  return meta;
}

/**
 * The exact version a metadata pins a project at, with no environment marker that excludes Linux
 * x86_64 ("torch==2.4.1", "nvidia-cudnn-cu12==9.1.0.70; platform_system == \"Linux\" ..."), or null.
 */
export function pinnedVersion(meta: WheelMetadata, project: RegExp): { project: string; version: string } | null {
  for (const req of meta.requiresDist) {
    const [spec, marker = ''] = req.split(';') as [string, string?];
    if (/platform_system\s*==\s*["'](Windows|Darwin)["']|sys_platform\s*==\s*["'](win32|darwin)["']|extra\s*==/.test(marker)) continue;
    // Pins for another machine ("platform_machine == 'aarch64'"): refresh reads x86_64 wheels.
    if (/platform_machine\s*==\s*["'](?!x86_64["'])/.test(marker)) continue;
    // The old "name (==1.0)" form and spaces aside, a Requires-Dist pin reads as a requirement does.
    const pin = exactPin(spec.replace(/[\s()]/g, ''));
    if (pin && project.test(pin.project)) return pin;
  }
  return null;
}
