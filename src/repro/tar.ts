import { createHash } from 'node:crypto';

/**
 * Reading a layer: the entries of an (uncompressed) tar with what decides
 * whether two layers hold the same thing. ustar headers plus the pax and GNU
 * long-name extensions BuildKit and Docker write. Pure.
 */

export type EntryType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

export interface TarEntry {
  path: string;
  type: EntryType;
  mode: number;
  size: number;
  /** seconds since the epoch, as the header (or pax mtime) says */
  mtime: number;
  /** link target for symlinks and hard links */
  link: string;
  /** sha256 of the content, for files */
  sha256: string | null;
  uid: number;
  gid: number;
  /** the content, for the files `keep` asked for */
  content?: Buffer;
}

function field(buf: Buffer, offset: number, length: number): string {
  const raw = buf.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function octal(buf: Buffer, offset: number, length: number): number {
  const raw = buf.subarray(offset, offset + length);
  // GNU base-256 for large values: high bit of the first byte set.
  if ((raw[0] ?? 0) & 0x80) {
    let v = 0;
    for (let i = 1; i < raw.length; i++) v = v * 256 + (raw[i] ?? 0);
    return v;
  }
  const text = field(buf, offset, length).trim();
  return text ? parseInt(text, 8) : 0;
}

function paxRecords(data: Buffer): Record<string, string> {
  const out: Record<string, string> = {};
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(0x20, pos);
    if (space === -1) break;
    const len = parseInt(data.subarray(pos, space).toString('ascii'), 10);
    if (!len) break;
    const record = data.subarray(space + 1, pos + len - 1).toString('utf8');
    const eq = record.indexOf('=');
    if (eq > 0) out[record.slice(0, eq)] = record.slice(eq + 1);
    pos += len;
  }
  return out;
}

export function readTar(buf: Buffer, keep: (path: string) => boolean = () => false): TarEntry[] {
  const entries: TarEntry[] = [];
  let pos = 0;
  let pax: Record<string, string> = {};
  let longName: string | null = null;
  let longLink: string | null = null;
  while (pos + 512 <= buf.length) {
    const header = buf.subarray(pos, pos + 512);
    if (header.every((b) => b === 0)) break;
    const size = octal(header, 124, 12);
    const typeflag = String.fromCharCode(header[156] ?? 48);
    const dataStart = pos + 512;
    const data = buf.subarray(dataStart, dataStart + size);
    pos = dataStart + Math.ceil(size / 512) * 512;
    if (typeflag === 'x') {
      pax = { ...pax, ...paxRecords(data) };
      continue;
    }
    if (typeflag === 'g') continue;
    if (typeflag === 'L') {
      longName = field(data, 0, data.length);
      continue;
    }
    if (typeflag === 'K') {
      longLink = field(data, 0, data.length);
      continue;
    }
    const prefix = field(header, 345, 155);
    const name = pax.path ?? longName ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
    const link = pax.linkpath ?? longLink ?? field(header, 157, 100);
    const type: EntryType =
      typeflag === '0' || typeflag === '\0' || typeflag === '7'
        ? 'file'
        : typeflag === '5'
          ? 'dir'
          : typeflag === '2'
            ? 'symlink'
            : typeflag === '1'
              ? 'hardlink'
              : 'other';
    const path = normalise(name);
    entries.push({
      path,
      type,
      mode: octal(header, 100, 8) & 0o7777,
      size: type === 'file' ? size : 0,
      mtime: pax.mtime ? Math.floor(Number(pax.mtime)) : octal(header, 136, 12),
      link: type === 'symlink' || type === 'hardlink' ? link : '',
      sha256: type === 'file' ? createHash('sha256').update(data).digest('hex') : null,
      uid: pax.uid ? Number(pax.uid) : octal(header, 108, 8),
      gid: pax.gid ? Number(pax.gid) : octal(header, 116, 8),
      ...(type === 'file' && keep(path) ? { content: Buffer.from(data) } : {}),
    });
    pax = {};
    longName = null;
    longLink = null;
  }
  return entries;
}

/** "./usr/bin/" -> "usr/bin" */
export function normalise(p: string): string {
  return p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}
