import { createHash, type Hash } from 'node:crypto';

/**
 * Reading a layer: the entries of an (uncompressed) tar with what decides whether two layers hold
 * the same thing. A streaming parser: bytes go in chunk by chunk (`write`), entries come out; it
 * holds one header block, one pax header or GNU long name (bounded) and the content of the files
 * the caller asked for (each bounded), never a whole file or layer. ustar headers plus the pax and
 * GNU long-name extensions BuildKit and Docker write. Pure: no I/O (effects/oci.ts feeds it).
 *
 * Our own parser rather than tar-stream (3.2.2, MIT, with 12 dependencies down to Bare runtime
 * shims): it checks the checksum and caps long headers, but reads a malformed pax record (a
 * length of -3, a record past the end) as the end of the records and goes on without the rest,
 * passes NaN through for a mode, owner or time that is not octal, and does not hash. Those checks
 * would have to live inside its parse, not around it. The format is 512-byte blocks; every field
 * is validated below, and every loop moves forward by at least one byte of its input.
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
  /** the content, for the files the caller asked for */
  content?: Buffer;
}

/** What to keep of an entry: its header and content, its header alone, or nothing. */
export type Keep = 'content' | 'header' | 'none';

export interface TarLimits {
  /** content of one file kept for the report (dpkg status, METADATA, the inventory); a larger one is an error, not truncated */
  keptFileBytes: number;
  /** one pax extended header or GNU long name or link */
  longHeaderBytes: number;
  /** one path or link target */
  nameBytes: number;
  /** entries kept from one layer: their headers stay in memory for the comparison (about 270 bytes each, and two layers at once) */
  entries: number;
  /** uncompressed bytes of one layer; past this it is a decompression bomb, not a layer */
  tarBytes: number;
}

export const TAR_LIMITS: TarLimits = {
  keptFileBytes: 16 * 1024 * 1024,
  longHeaderBytes: 1024 * 1024,
  nameBytes: 64 * 1024,
  entries: 250_000,
  tarBytes: 64 * 1024 * 1024 * 1024,
};

/** The archive is not a well-formed tar: the message says where (byte offset) and what. */
export class TarError extends Error {
  override readonly name = 'TarError';
}

const MiB = 1024 * 1024;
const size = (n: number): string => (n >= MiB ? `${(n / MiB).toFixed(n % MiB ? 1 : 0)} MiB` : `${n} bytes`);

type Body =
  | { kind: 'entry'; entry: TarEntry; hash: Hash | null; kept: Buffer[] | null }
  | { kind: 'pax' | 'global' | 'longname' | 'longlink'; parts: Buffer[] }
  | { kind: 'skip' };

export class TarParser {
  private readonly limits: TarLimits;
  private readonly block = Buffer.alloc(512);
  /** bytes of the current header block received */
  private filled = 0;
  /** bytes of the current body still to come, then the zero padding to the next block */
  private remaining = 0;
  private padding = 0;
  private body: Body | null = null;
  private bodySize = 0;
  /** bytes taken in so far, and where the current header started: what messages point at */
  private offset = 0;
  private headerAt = 0;
  private zeroBlocks = 0;
  private ended = false;
  private pax = new Map<string, string>();
  private global = new Map<string, string>();
  private longName: string | null = null;
  private longLink: string | null = null;
  private readonly out: TarEntry[] = [];

  constructor(
    /** what to keep of an entry, by its path (and type: a scan keeps links it would drop by name) */
    private readonly select: (path: string, type: EntryType) => Keep = () => 'header',
    limits: Partial<TarLimits> = {},
    /** hash each file's content (what repro compares); a scan that needs only names and sizes goes faster without */
    private readonly hashFiles = true,
  ) {
    this.limits = { ...TAR_LIMITS, ...limits };
  }

  /** Take the next bytes of the archive; throws TarError at the first malformed field. */
  write(chunk: Buffer): void {
    if (this.offset + chunk.length > this.limits.tarBytes) {
      throw new TarError(`the layer holds more than ${size(this.limits.tarBytes)} uncompressed: a decompression bomb, not a layer`);
    }
    let pos = 0;
    // Each pass takes at least one byte of the chunk (or all the rest once the archive has ended).
    while (pos < chunk.length) {
      if (this.ended) {
        this.offset += chunk.length - pos;
        return;
      }
      if (this.remaining > 0) {
        const n = Math.min(this.remaining, chunk.length - pos);
        this.feed(chunk.subarray(pos, pos + n));
        pos += n;
        this.offset += n;
        this.remaining -= n;
        if (this.remaining === 0) this.finishBody();
        continue;
      }
      if (this.padding > 0) {
        const n = Math.min(this.padding, chunk.length - pos);
        pos += n;
        this.offset += n;
        this.padding -= n;
        continue;
      }
      const n = Math.min(512 - this.filled, chunk.length - pos);
      chunk.copy(this.block, this.filled, pos, pos + n);
      if (this.filled === 0) this.headerAt = this.offset;
      this.filled += n;
      pos += n;
      this.offset += n;
      if (this.filled === 512) {
        this.filled = 0;
        this.header();
      }
    }
  }

  /** Uncompressed bytes taken in so far. */
  get bytesRead(): number {
    return this.offset;
  }

  /** The archive's end: throws TarError when it stops inside a header or an entry; returns the entries kept. */
  end(): TarEntry[] {
    if (this.filled > 0) {
      this.notGzip();
      this.fail(`the archive ends inside a header (${this.filled} of 512 bytes)`);
    }
    if (this.remaining > 0) this.fail(`the archive ends inside an entry: ${this.remaining} of its ${this.bodySize} bytes are missing`);
    if (this.padding > 0) this.fail(`the archive ends inside the padding after an entry (${this.padding} bytes missing)`);
    if (!this.ended && (this.pax.size > 0 || this.longName !== null || this.longLink !== null)) {
      this.fail('the archive ends after an extended header, with no entry for it');
    }
    return this.out;
  }

  private fail(message: string, at = this.headerAt): never {
    throw new TarError(`${message} (the header at byte ${at})`);
  }

  private feed(bytes: Buffer): void {
    const body = this.body;
    if (!body || body.kind === 'skip') return;
    if (body.kind === 'entry') {
      body.hash?.update(bytes);
      // A copy: the chunk it comes from is much larger than the part kept.
      body.kept?.push(Buffer.from(bytes));
    } else {
      body.parts.push(Buffer.from(bytes));
    }
  }

  private header(): void {
    const b = this.block;
    if (b.every((x) => x === 0)) {
      // Two zero blocks end the archive; a lone one at the very end is accepted as GNU tar does.
      if (++this.zeroBlocks === 2) this.ended = true;
      return;
    }
    if (this.zeroBlocks > 0) this.fail('a lone zero block stands before this header: the archive is damaged');
    this.notGzip();
    this.checksum();
    const magic = b.toString('latin1', 257, 263);
    const ustar = magic === 'ustar\0';
    if (!ustar && magic !== 'ustar ' && !b.subarray(257, 263).every((x) => x === 0)) {
      this.fail(`not a tar header: its format field is ${JSON.stringify(magic)}, not "ustar"`);
    }
    const flag = String.fromCharCode(b[156] ?? 0);
    const headerSize = this.octal(124, 12, 'size');
    const mode = this.octal(100, 8, 'mode');
    const uid = this.octal(108, 8, 'uid');
    const gid = this.octal(116, 8, 'gid');
    const mtime = this.octal(136, 12, 'mtime');
    if (ustar || magic === 'ustar ') {
      this.octal(329, 8, 'devmajor');
      this.octal(337, 8, 'devminor');
    }

    if (flag === 'x' || flag === 'g' || flag === 'L' || flag === 'K') {
      if (headerSize > this.limits.longHeaderBytes) {
        this.fail(`an extended header (type ${flag}) of ${size(headerSize)}; at most ${size(this.limits.longHeaderBytes)} is read`);
      }
      const kind = flag === 'x' ? 'pax' : flag === 'g' ? 'global' : flag === 'L' ? 'longname' : 'longlink';
      this.startBody({ kind, parts: [] }, headerSize);
      return;
    }

    const attrs = new Map([...this.global, ...this.pax]);
    const name = attrs.get('path') || this.longName || this.ustarName(ustar);
    const link = attrs.get('linkpath') || this.longLink || this.text(157, 100);
    if (Buffer.byteLength(name) > this.limits.nameBytes || Buffer.byteLength(link) > this.limits.nameBytes) {
      this.fail(`a path or link target longer than ${size(this.limits.nameBytes)}`);
    }
    const type: EntryType =
      flag === '0' || flag === '\0' || flag === '7'
        ? 'file'
        : flag === '5'
          ? 'dir'
          : flag === '2'
            ? 'symlink'
            : flag === '1'
              ? 'hardlink'
              : 'other';
    // POSIX: links, devices, directories and FIFOs (1-6) store no data, whatever their size says.
    const dataSize = flag >= '1' && flag <= '6' ? 0 : attrs.has('size') ? this.decimal(attrs.get('size')!, 'pax size') : headerSize;
    const path = normalise(name);
    const keep = this.select(path, type);
    this.pax = new Map();
    this.longName = null;
    this.longLink = null;
    if (keep === 'none') {
      this.startBody({ kind: 'skip' }, dataSize);
      return;
    }
    if (this.out.length >= this.limits.entries) this.fail(`more than ${this.limits.entries} entries in one layer`);
    if (keep === 'content' && type === 'file' && dataSize > this.limits.keptFileBytes) {
      this.fail(`${path} is ${size(dataSize)}; a file the report reads may hold at most ${size(this.limits.keptFileBytes)}`);
    }
    const entry: TarEntry = {
      path,
      type,
      mode: mode & 0o7777,
      size: type === 'file' ? dataSize : 0,
      mtime: attrs.has('mtime') ? this.paxTime(attrs.get('mtime')!) : mtime,
      // A hard link names another entry of the archive (normalised like paths); a symlink's target is text for the filesystem.
      link: type === 'hardlink' ? normalise(link) : type === 'symlink' ? link : '',
      sha256: null,
      uid: attrs.has('uid') ? this.decimal(attrs.get('uid')!, 'pax uid') : uid,
      gid: attrs.has('gid') ? this.decimal(attrs.get('gid')!, 'pax gid') : gid,
    };
    const file = type === 'file';
    this.startBody(
      { kind: 'entry', entry, hash: file && this.hashFiles ? createHash('sha256') : null, kept: file && keep === 'content' ? [] : null },
      dataSize,
    );
  }

  private startBody(body: Body, bytes: number): void {
    this.body = body;
    this.bodySize = bytes;
    this.remaining = bytes;
    this.padding = (512 - (bytes % 512)) % 512;
    if (bytes === 0) this.finishBody();
  }

  private finishBody(): void {
    const body = this.body;
    this.body = null;
    if (!body || body.kind === 'skip') return;
    if (body.kind === 'entry') {
      const { entry, hash, kept } = body;
      if (hash) entry.sha256 = hash.digest('hex');
      if (kept) entry.content = Buffer.concat(kept);
      this.out.push(entry);
      return;
    }
    const data = Buffer.concat(body.parts);
    if (body.kind === 'pax') this.pax = this.paxRecords(data);
    else if (body.kind === 'global') this.global = new Map([...this.global, ...this.paxRecords(data)]);
    else {
      const end = data.indexOf(0);
      const text = data.subarray(0, end === -1 ? data.length : end).toString('utf8');
      if (!text) this.fail('an empty GNU long name');
      if (body.kind === 'longname') this.longName = text;
      else this.longLink = text;
    }
  }

  /** POSIX checksum: the header's bytes summed with the checksum field as spaces (signed sums, from old tars, too). */
  private checksum(): void {
    const b = this.block;
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < 512; i++) {
      const x = i >= 148 && i < 156 ? 0x20 : (b[i] ?? 0);
      unsigned += x;
      signed += x > 127 ? x - 256 : x;
    }
    const stored = this.octal(148, 8, 'checksum');
    if (stored !== unsigned && stored !== signed) this.fail(`not a tar header: its checksum is ${stored}, its bytes sum to ${unsigned}`);
  }

  /** The first bytes of gzip where a tar should start: say so rather than blame a field. */
  private notGzip(): void {
    if (this.headerAt === 0 && this.block[0] === 0x1f && this.block[1] === 0x8b) {
      this.fail('not a tar header: the data is gzip-compressed, though its media type says plain tar');
    }
  }

  /** A numeric field: octal digits (leading spaces, then NULs or spaces to the end), or GNU base-256 for large values. */
  private octal(offset: number, length: number, what: string): number {
    const b = this.block;
    const end = offset + length;
    const first = b[offset] ?? 0;
    if (first & 0x80) {
      if (first !== 0x80) this.fail(`the ${what} field is a negative base-256 number`);
      let v = 0;
      for (let i = offset + 1; i < end; i++) v = v * 256 + (b[i] ?? 0);
      if (v > Number.MAX_SAFE_INTEGER) this.fail(`the ${what} field is larger than ${Number.MAX_SAFE_INTEGER}`);
      return v;
    }
    let i = offset;
    while (i < end && b[i] === 0x20) i++;
    let v = 0;
    for (; i < end && (b[i] ?? 0) >= 0x30 && (b[i] ?? 0) <= 0x37; i++) v = v * 8 + (b[i] ?? 0) - 0x30;
    while (i < end && (b[i] === 0 || b[i] === 0x20)) i++;
    if (i !== end) this.fail(`the ${what} field is not an octal number: ${JSON.stringify(b.toString('latin1', offset, end))}`);
    return v;
  }

  private decimal(text: string, what: string): number {
    if (!/^\d{1,16}$/.test(text) || Number(text) > Number.MAX_SAFE_INTEGER) {
      this.fail(`the ${what} is not a whole number: ${JSON.stringify(text.slice(0, 40))}`);
    }
    return Number(text);
  }

  private paxTime(text: string): number {
    if (!/^-?\d{1,16}(?:\.\d{1,20})?$/.test(text)) this.fail(`the pax mtime is not a time: ${JSON.stringify(text.slice(0, 40))}`);
    return Math.floor(Number(text));
  }

  private text(offset: number, length: number): string {
    const raw = this.block.subarray(offset, offset + length);
    const end = raw.indexOf(0);
    return raw.subarray(0, end === -1 ? length : end).toString('utf8');
  }

  /** The name field, with the ustar prefix (POSIX format only: GNU keeps times at that offset). */
  private ustarName(ustar: boolean): string {
    const name = this.text(0, 100);
    if (!name) this.fail('an entry with an empty name');
    const prefix = ustar ? this.text(345, 155) : '';
    return prefix ? `${prefix}/${name}` : name;
  }

  /**
   * Pax records, "<length> <key>=<value>\n", the length counting the whole record in bytes.
   * Each record is checked against the bytes left before it is read; the position only grows.
   */
  private paxRecords(data: Buffer): Map<string, string> {
    const out = new Map<string, string>();
    let pos = 0;
    while (pos < data.length) {
      // Some writers pad the records with NULs.
      if (data[pos] === 0 && data.subarray(pos).every((x) => x === 0)) break;
      let i = pos;
      let len = 0;
      while (i < data.length && i - pos < 16 && (data[i] ?? 0) >= 0x30 && (data[i] ?? 0) <= 0x39) len = len * 10 + (data[i++] ?? 0) - 0x30;
      if (i === pos || data[i] !== 0x20) {
        this.fail(
          `pax record at byte ${pos} of its header does not start with a length: ${JSON.stringify(data.toString('latin1', pos, pos + 16))}`,
        );
      }
      const minimum = i - pos + 4; // the length, a space, "k=" and the newline
      if (len < minimum || len > data.length - pos) {
        this.fail(
          `pax record at byte ${pos} of its header gives a length of ${len}; ${minimum} to ${data.length - pos} bytes are possible there`,
        );
      }
      const record = data.subarray(i + 1, pos + len);
      if (record[record.length - 1] !== 0x0a) this.fail(`pax record at byte ${pos} of its header does not end with a newline`);
      const eq = record.indexOf(0x3d);
      if (eq <= 0) this.fail(`pax record at byte ${pos} of its header is not key=value`);
      out.set(record.subarray(0, eq).toString('utf8'), record.subarray(eq + 1, record.length - 1).toString('utf8'));
      pos += len;
    }
    return out;
  }
}

/** A whole tar in memory, read with the streaming parser: for tests and small archives. */
export function readTar(buf: Buffer, keep: (path: string) => boolean = () => false, limits: Partial<TarLimits> = {}): TarEntry[] {
  const parser = new TarParser((p) => (keep(p) ? 'content' : 'header'), limits);
  parser.write(buf);
  return parser.end();
}

/** "./usr/bin/" -> "usr/bin" */
export function normalise(p: string): string {
  return p.replace(/^\.\//, '').replace(/^\/+/, '').replace(/\/+$/, '');
}

/**
 * Layers applied bottom to top as the container's filesystem sees them (OCI image spec, "Whiteouts"):
 * `.wh.<name>` removes <name> and what is under it, `.wh..wh..opq` empties its folder, and any entry
 * other than a folder replaces what lower layers had at its path, a folder's content too (a link
 * where a folder was). Each acts on the layers below only, whatever its place in its own layer.
 * Whiteouts themselves are not kept. Every lower path is looked up in sets, as deep as it is.
 */
export function mergeLayers<T extends { path: string; type: EntryType }>(layers: T[][]): Map<string, T> {
  const fs = new Map<string, { entry: T; layer: number }>();
  layers.forEach((layer, i) => {
    const removed = new Set<string>();
    const opaque = new Set<string>();
    const kept: T[] = [];
    for (const e of layer) {
      const slash = e.path.lastIndexOf('/');
      const dir = slash >= 0 ? e.path.slice(0, slash) : '';
      const base = e.path.slice(slash + 1);
      if (base === '.wh..wh..opq') opaque.add(dir);
      else if (base.startsWith('.wh.')) removed.add(normalise(`${dir}/${base.slice(4)}`));
      else {
        kept.push(e);
        if (e.type !== 'dir') removed.add(e.path);
      }
    }
    if (removed.size || opaque.size) {
      for (const [path, f] of fs) if (f.layer < i && hiddenBy(path, removed, opaque)) fs.delete(path);
    }
    for (const e of kept) fs.set(e.path, { entry: e, layer: i });
  });
  return new Map([...fs].map(([path, f]) => [path, f.entry]));
}

/** Whether a whiteout or replacement removes the path (it or a folder above it), or an opaque folder above it hides it. */
function hiddenBy(path: string, removed: Set<string>, opaque: Set<string>): boolean {
  if (removed.has(path)) return true;
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    const dir = path.slice(0, cut);
    if (removed.has(dir) || opaque.has(dir)) return true;
  }
  // An opaque marker at the root of the layer ("" as its folder) hides everything below.
  return opaque.has('');
}
