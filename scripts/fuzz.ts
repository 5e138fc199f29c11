// Fuzz run of the parsers that read what others write (issue 17). A benchmark script, not a test:
// bundled by scripts/fuzz.sh with ncc and run with plain node (`npm run bench:fuzz -- --seed 1`).
//
//   --seed N      the run's seed (printed; a random one when not given)
//   --cases N     cases per family (10000)
//   --family F    tar, manifest, index or matrix; a comma-separated list; all four when not given
//   --case I      case I alone (with --seed and --family): its input is saved, its outcome printed
//   --time-ms N   one case's time bound (2000); --heap-mb N its JS heap (256); --rss-mb N its process (1024)
//
// Four families of random and mutated inputs: tar archives (repro/tar.ts), registry manifests,
// indexes and tag lists (effects/registry.ts, oci.ts, image-check.ts, the network stood in for),
// package index pages (verify/index-page.ts), matrix specs with compat-files and planned entries
// (commands/plan.ts: parse, release data, planning). A case ends with a result or its family's
// own error (TarError, RegistryError, ManifestError, IndexPageError, UserError) within its bounds; anything else
// is a finding: BUG (another exception), HANG (past --time-ms) or OOM (past --heap-mb or --rss-mb).
//
// Case i of a family is generated from (seed, family, i) alone, so the supervisor can rebuild the
// input of a case that never came back, and --case runs one again. Each family runs in a child
// process rather than a worker thread: a worker that reaches its resourceLimits heap may abort the
// whole process (Node 24.9: "FATAL ERROR: Reached heap limit"), losing every result; a child that
// does is counted, and the next child starts at the next case.
import { execFileSync, fork } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import { gzipSync } from 'node:zlib';
import { stringify as toYaml } from 'yaml';
import { planCommand } from '../src/commands/plan.js';
import { bundledCompat } from '../src/compat/load.js';
import { checkImage } from '../src/effects/image-check.js';
import { registryImage } from '../src/effects/oci.js';
import { RegistryClient, RegistryError } from '../src/effects/registry.js';
import { ManifestError } from '../src/image/manifest.js';
import type { HttpResponse } from '../src/effects/http.js';
import { UserError } from '../src/errors.js';
import type { Repository } from '../src/image/reference.js';
import { TarError, TarParser, readTar, type Keep, type TarLimits } from '../src/repro/tar.js';
import type { Request } from '../src/request.js';
import { IndexPageError, JSON_TYPE, parseIndexPage } from '../src/verify/index-page.js';

const RESULTS_FILE = '.tools/fuzz-results.json';
const CASES_DIR = '.tools/fuzz-cases';

// ---------------------------------------------------------------------------------------------
// Seeded randomness

function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** sfc32: small, fast, and the same sequence on every platform and Node version. */
class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(...seeds: number[]) {
    let h = 0x1234567;
    for (const s of seeds) h = splitmix32(h ^ s);
    this.a = splitmix32(h + 1);
    this.b = splitmix32(h + 2);
    this.c = splitmix32(h + 3);
    this.d = splitmix32(h + 4);
    for (let i = 0; i < 12; i++) this.next();
  }

  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** 0 <= n < max */
  int(max: number): number {
    return max <= 0 ? 0 : Math.floor((this.next() / 0x100000000) * max);
  }

  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  chance(p: number): boolean {
    return this.next() / 0x100000000 < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)] as T;
  }

  bytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.next() & 0xff;
    return out;
  }

  /** A length skewed small: mostly tens, sometimes thousands, rarely up to `max` (so the costly cases stay rare). */
  length(max: number): number {
    const roll = this.int(100);
    return roll < 70 ? this.int(Math.min(64, max) + 1) : roll < 97 ? this.int(Math.min(4096, max) + 1) : this.int(max + 1);
  }

  /** Spread evenly over the orders of magnitude from lo to hi: as many sizes near 1 KB as near 1 MB. */
  logRange(lo: number, hi: number): number {
    return Math.round(lo * (hi / lo) ** (this.next() / 0x100000000));
  }

  hex(bytes: number): string {
    return this.bytes(bytes).toString('hex');
  }
}

function stringHash(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32LE(0);
}

/** The randomness of case `i` of a family: nothing else feeds a case. */
function caseRng(seed: number, family: string, i: number): Rng {
  return new Rng(seed, stringHash(family), i);
}

// ---------------------------------------------------------------------------------------------
// Mutations shared by the families

/** Bytes that make parsers take unusual paths: field ends, signs, separators, high bits. */
const INTERESTING_BYTES = [0x00, 0x20, 0x0a, 0x2d, 0x30, 0x37, 0x38, 0x39, 0x3d, 0x7f, 0x80, 0xff];

/** Damage bytes: flips, overwrites, deletions, insertions (tokens or noise), duplications, a cut. */
function mutateBytes(rng: Rng, input: Buffer, tokens: readonly string[] = [], rounds = rng.range(1, 4)): Buffer {
  let buf: Buffer = Buffer.from(input);
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(buf.length + 1);
    const op = rng.int(buf.length ? 8 : 2);
    if (op === 0 && tokens.length) buf = Buffer.concat([buf.subarray(0, at), Buffer.from(rng.pick(tokens), 'latin1'), buf.subarray(at)]);
    else if (op <= 1) buf = Buffer.concat([buf.subarray(0, at), rng.bytes(rng.length(64)), buf.subarray(at)]);
    else if (op === 2) buf[Math.min(at, buf.length - 1)] = (buf[Math.min(at, buf.length - 1)] ?? 0) ^ (1 << rng.int(8));
    else if (op === 3) buf[Math.min(at, buf.length - 1)] = rng.pick(INTERESTING_BYTES);
    else if (op === 4) buf = Buffer.concat([buf.subarray(0, at), buf.subarray(Math.min(buf.length, at + rng.length(512)))]);
    else if (op === 5) {
      const part = buf.subarray(at, at + rng.length(512));
      buf = Buffer.concat([buf.subarray(0, at), ...Array<Buffer>(rng.range(1, 8)).fill(part), buf.subarray(at)]);
    } else if (op === 6 && tokens.length) {
      const token = Buffer.from(rng.pick(tokens), 'latin1');
      token.copy(buf, Math.min(at, buf.length - 1));
    } else buf = buf.subarray(0, at);
  }
  return buf;
}

/** Damage text the same ways, on characters, so that inserted tokens stay whole. */
function mutateText(rng: Rng, input: string, tokens: readonly string[], rounds = rng.range(1, 4)): string {
  let text = input;
  for (let r = 0; r < rounds; r++) {
    const at = rng.int(text.length + 1);
    const op = rng.int(text.length ? 6 : 1);
    if (op === 0) text = text.slice(0, at) + rng.pick(tokens).repeat(rng.chance(0.1) ? rng.range(2, 2000) : 1) + text.slice(at);
    else if (op === 1) text = text.slice(0, at) + text.slice(at + rng.length(256));
    else if (op === 2) text = text.slice(0, at) + String.fromCharCode(rng.int(0x10000)) + text.slice(at + 1);
    else if (op === 3) text = text.slice(0, at) + text.slice(at, at + rng.length(256)).repeat(rng.range(1, 16)) + text.slice(at);
    else if (op === 4) text = text.slice(0, at);
    else text = text.slice(0, at) + rng.bytes(rng.length(32)).toString('latin1') + text.slice(at);
  }
  return text;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const ODD_STRINGS = ['', ' ', '\u0000', 'null', '-1', '1e309', '../../../etc/passwd', '__proto__', 'constructor', '\ud800', '\u202e'];

function randomJson(rng: Rng, depth = 0): Json {
  switch (rng.int(depth > 3 ? 6 : 9)) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1.5, -0.5, 2 ** 53 + 2, 1e308, -1e308, 4294967296, rng.next()]);
    case 3:
      return rng.pick(ODD_STRINGS);
    case 4:
      return rng.bytes(rng.length(300)).toString('latin1');
    case 5:
      return 'x'.repeat(rng.length(100_000));
    case 6:
      return Array.from({ length: rng.length(8) }, () => randomJson(rng, depth + 1));
    case 7:
      return Object.fromEntries(
        Array.from({ length: rng.length(6) }, () => [rng.pick(ODD_STRINGS) + rng.int(9), randomJson(rng, depth + 1)]),
      );
    default:
      // Deeper nesting is sent as text (a value this deep would overflow JSON.stringify here first).
      return deepNest(rng.range(100, 1000), rng.chance(0.5));
  }
}

function deepNest(depth: number, arrays: boolean): Json {
  let v: Json = 1;
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
}

/** Every container in a document with its keys: where a structural mutation may strike. */
function containers(doc: Json, out: (Json[] | { [key: string]: Json })[] = [], depth = 0): (Json[] | { [key: string]: Json })[] {
  if (typeof doc !== 'object' || doc === null || depth > 50) return out;
  out.push(doc);
  for (const v of Object.values(doc)) containers(v, out, depth + 1);
  return out;
}

/** Change a document's structure: replace, delete, add or repeat a value, or change its type. */
function mutateJson(rng: Rng, input: Json, keys: readonly string[] = [], rounds = rng.range(1, 3)): Json {
  const doc = structuredClone(input);
  for (let r = 0; r < rounds; r++) {
    const all = containers(doc);
    if (all.length === 0) return randomJson(rng);
    const target = rng.pick(all);
    const names = Object.keys(target);
    const key = names.length && rng.chance(0.8) ? rng.pick(names) : rng.chance(0.5) && keys.length ? rng.pick(keys) : String(names.length);
    const record = target as Record<string, Json>;
    const op = rng.int(5);
    if (op === 0 && Array.isArray(target)) target.splice(Number(key), 1);
    else if (op === 0) delete record[key];
    else if (op === 1 && Array.isArray(target) && target.length) {
      // Many copies of one element (lists a registry or index could send without end), a few MB at
      // most; the last change, as the copies are one object: a later one would multiply them.
      const item = target[rng.int(target.length)] as Json;
      const copies = Math.min(rng.pick([2, 10, 1000, 10_000]), Math.floor(2_000_000 / (JSON.stringify(item)?.length ?? 1)));
      target.push(...Array<Json>(copies).fill(item));
      return doc;
    } else if (op === 2) record[key] = typeof record[key] === 'string' ? Number(record[key]) || [record[key] as Json] : String(record[key]);
    else record[key] = randomJson(rng);
  }
  return doc;
}

function sha256(bytes: Buffer | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

// ---------------------------------------------------------------------------------------------
// Families

type FamilyName = 'tar' | 'manifest' | 'index' | 'matrix';
const FAMILY_NAMES: readonly FamilyName[] = ['tar', 'manifest', 'index', 'matrix'];

interface Family<C> {
  name: FamilyName;
  /** case i of the family, from its randomness alone */
  generate(rng: Rng): C;
  /** the bytes a reproducer needs (saved whole under .tools/fuzz-cases/, its start printed) */
  input(c: C): Buffer;
  /** what else the case passes (content type, chunk sizes, limits), one line */
  describe(c: C): string;
  extension: string;
  run(c: C): unknown;
  /** the family's own answer to a bad input */
  isClearError(err: unknown): boolean;
}

// --- tar ------------------------------------------------------------------------------------

interface TarMember {
  name: string;
  type: string;
  body: Buffer;
  link?: string;
  format: 'ustar' | 'gnu' | 'v7';
}

function octalField(block: Buffer, offset: number, length: number, value: number): void {
  block.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'latin1');
}

/** The POSIX checksum of the header block at `at`, written in as tar does. */
function fixChecksum(buf: Buffer, at = 0): void {
  buf.fill(0x20, at + 148, at + 156);
  let sum = 0;
  for (let i = at; i < at + 512; i++) sum += buf[i] ?? 0;
  buf.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 8, 'latin1');
}

function tarHeader(m: TarMember): Buffer {
  const b = Buffer.alloc(512);
  let name = m.name;
  if (m.format === 'ustar' && Buffer.byteLength(name) > 100) {
    // ustar splits a long path at a slash: the prefix field holds the directories.
    const cut = name.lastIndexOf('/', name.length - 2);
    if (cut > 0 && cut <= 155) {
      b.write(name.slice(0, cut), 345, 155, 'utf8');
      name = name.slice(cut + 1);
    }
  }
  b.write(name, 0, 100, 'utf8');
  octalField(b, 100, 8, m.type === '5' ? 0o755 : 0o644);
  octalField(b, 108, 8, 0);
  octalField(b, 116, 8, 0);
  octalField(b, 124, 12, m.body.length);
  octalField(b, 136, 12, 1_700_000_000);
  b[156] = m.type.charCodeAt(0);
  if (m.link) b.write(m.link, 157, 100, 'utf8');
  if (m.format === 'ustar') b.write('ustar\x0000', 257, 8, 'latin1');
  if (m.format === 'gnu') b.write('ustar  \0', 257, 8, 'latin1');
  if (m.format !== 'v7') {
    b.write('root', 265, 32, 'latin1');
    b.write('root', 297, 32, 'latin1');
    octalField(b, 329, 8, 0);
    octalField(b, 337, 8, 0);
  }
  fixChecksum(b);
  return b;
}

/** "<length> key=value\n", the length counting itself. */
function paxRecord(key: string, value: string): string {
  const rest = ` ${key}=${value}\n`;
  const bytes = Buffer.byteLength(rest);
  let length = bytes + String(bytes).length;
  if (String(length).length !== String(length - bytes).length) length = bytes + String(length).length;
  return `${length}${rest}`;
}

/** Records a pax header should refuse: signs, zero, huge, off by one, missing parts, bad values. */
function evilPaxRecords(rng: Rng): string {
  const good = paxRecord('path', 'usr/lib/x');
  const n = Buffer.byteLength(good);
  const evil = [
    '-3 path=x\n',
    '-1 a=b\n',
    '0 path=x\n',
    '00 a=b\n',
    '99999999999999999999 path=x\n',
    '18446744073709551615 a=b\n',
    `${n - 1}${good.slice(String(n).length)}`,
    `${n + 1}${good.slice(String(n).length)}`,
    '3 a\n',
    '6 a=b',
    '6 =b\n',
    '6 ab\n\n',
    ' 6 a=b\n',
    '6\ta=b\n',
    'abc a=b\n',
    `${'1'.repeat(17)} a=b\n`,
    `0000000000000000007 a=b\n`,
    paxRecord('size', rng.pick(['-1', '99999999999999999', '1e3', '', ' 1', '9007199254740993', '0x10'])),
    paxRecord('path', rng.pick(['', '\0', '/', './', 'a'.repeat(70_000), '../../etc/passwd'])),
    paxRecord('linkpath', 'x'.repeat(rng.pick([0, 100, 70_000]))),
    paxRecord('mtime', rng.pick(['-1.5', '1'.repeat(30), 'NaN', '1.', '.5', '-', '1e9'])),
    paxRecord(rng.pick(['uid', 'gid']), rng.pick(['-1', '99999999999999999999', '1.5', ''])),
    paxRecord('a'.repeat(rng.range(1, 300)), 'b'),
    '\0'.repeat(rng.range(1, 600)),
  ];
  const records: string[] = [];
  for (let k = rng.range(1, 4); k > 0; k--)
    records.push(rng.chance(0.7) ? rng.pick(evil) : paxRecord(rng.pick(['path', 'mtime', 'comment']), 'ok'));
  return records.join('');
}

function archive(members: TarMember[], zeroBlocks: number): { bytes: Buffer; headers: number[] } {
  const parts: Buffer[] = [];
  const headers: number[] = [];
  let at = 0;
  for (const m of members) {
    headers.push(at);
    const padded = Buffer.alloc(Math.ceil(m.body.length / 512) * 512);
    m.body.copy(padded);
    parts.push(tarHeader(m), padded);
    at += 512 + padded.length;
  }
  parts.push(Buffer.alloc(512 * zeroBlocks));
  return { bytes: Buffer.concat(parts), headers };
}

/** A valid archive of the kinds of entry layers hold: files, dirs, links, pax and GNU long names. */
function validMembers(rng: Rng): TarMember[] {
  const format = rng.pick(['ustar', 'ustar', 'gnu', 'v7'] as const);
  const members: TarMember[] = [];
  const longName = (): string => `usr/lib/python3/dist-packages/${'pkg/'.repeat(rng.range(20, 80))}mod${rng.int(99)}.py`;
  for (let k = rng.range(1, 6); k > 0; k--) {
    const name = `usr/share/f${rng.int(1000)}${rng.chance(0.3) ? '/' : ''}`;
    switch (rng.int(8)) {
      case 0:
        members.push({ name: `${name}/`, type: '5', body: Buffer.alloc(0), format });
        break;
      case 1:
        members.push({ name, type: '2', body: Buffer.alloc(0), link: '../lib/libcuda.so.1', format });
        break;
      case 2:
        if (members.length) members.push({ name, type: '1', body: Buffer.alloc(0), link: members[0]?.name ?? 'x', format });
        break;
      case 3: {
        const path = longName();
        const records = paxRecord('path', path) + paxRecord('mtime', '1700000000.123456789') + paxRecord('uid', '1000');
        members.push({ name: 'PaxHeaders/x', type: rng.chance(0.8) ? 'x' : 'g', body: Buffer.from(records), format: 'ustar' });
        members.push({ name: path.slice(-90), type: '0', body: rng.bytes(rng.length(2000)), format: 'ustar' });
        break;
      }
      case 4: {
        const path = longName();
        const link = rng.chance(0.5);
        members.push({ name: '././@LongLink', type: link ? 'K' : 'L', body: Buffer.from(`${path}\0`), format: 'gnu' });
        const body = link ? Buffer.alloc(0) : rng.bytes(rng.length(500));
        members.push({ name: path.slice(0, 99), type: link ? '2' : '0', body, link: link ? path : '', format: 'gnu' });
        break;
      }
      case 5:
        members.push({ name, type: rng.pick(['3', '4', '6', '7']), body: Buffer.alloc(0), format });
        break;
      default:
        members.push({ name, type: rng.pick(['0', '0', '\0']), body: rng.bytes(rng.length(3000)), format });
    }
  }
  return members;
}

/** Values numeric header fields should refuse or bound: signs, overlong, base-256, noise. */
function evilNumber(rng: Rng, length: number): Buffer {
  const field = Buffer.alloc(length, rng.chance(0.5) ? 0 : 0x20);
  const text = rng.pick([
    '',
    '-1',
    '-3',
    '7'.repeat(length),
    '7'.repeat(length - 1),
    '9'.repeat(length - 1),
    ' 123 ',
    '12 34',
    '0x1f',
    '1e10',
    'NaN',
    '\x80' + '\xff'.repeat(length - 1),
    '\x80' + '\0'.repeat(length - 2) + '\x01',
    '\xff'.repeat(length),
    rng.bytes(length).toString('latin1'),
  ]);
  field.write(text, 0, length, 'latin1');
  return field;
}

const TAR_FIELDS: readonly [offset: number, length: number][] = [
  [0, 100],
  [100, 8],
  [108, 8],
  [116, 8],
  [124, 12],
  [124, 12],
  [136, 12],
  [148, 8],
  [156, 1],
  [157, 100],
  [257, 8],
  [329, 8],
  [337, 8],
  [345, 155],
];

const TAR_TOKENS = ['ustar\0', 'ustar  ', '\0'.repeat(512), '-3 ', ' path=', '\n', '0', '7', 'x', 'L', 'K', 'g'];

function mutateArchive(rng: Rng, bytes: Buffer, headers: number[]): Buffer {
  let buf: Buffer = Buffer.from(bytes);
  for (let r = rng.range(1, 3); r > 0; r--) {
    const at = headers.length ? rng.pick(headers) : 0;
    const op = rng.int(8);
    if ((op === 0 || op === 1) && at + 512 <= buf.length) {
      // A header field overwritten, the checksum mostly made right again so the field is what is read.
      const [offset, length] = rng.pick(TAR_FIELDS);
      const value =
        offset === 156 ? Buffer.from([rng.pick([0, 0x30, 0x31, 0x32, 0x35, 0x37, 0x4c, 0x4b, 0x67, 0x78, 0xff])]) : evilNumber(rng, length);
      value.copy(buf, at + offset, 0, length);
      if (offset !== 148 && rng.chance(0.85)) fixChecksum(buf, at);
    } else if (op === 2 || op === 7) {
      // A pax header of bad records before an entry: its size is what the records are (or a little off).
      const body = Buffer.from(evilPaxRecords(rng), 'utf8');
      const pax = archive([{ name: 'PaxHeaders/x', type: rng.chance(0.85) ? 'x' : 'g', body, format: 'ustar' }], 0).bytes;
      if (rng.chance(0.15)) {
        octalField(pax, 124, 12, Math.max(0, body.length + rng.range(-600, 600)));
        fixChecksum(pax);
      }
      buf = Buffer.concat([buf.subarray(0, at), pax, buf.subarray(at)]);
    } else if (op === 3) buf = buf.subarray(0, rng.chance(0.5) ? at + rng.int(1024) : rng.int(buf.length + 1));
    else if (op === 4) {
      // A header of noise with a right checksum (and sometimes the magic): past the first checks.
      const block = rng.bytes(512);
      if (rng.chance(0.5)) block.write('ustar\x0000', 257, 8, 'latin1');
      fixChecksum(block);
      buf = Buffer.concat([buf.subarray(0, at), block, buf.subarray(at)]);
    } else if (op === 5) buf = Buffer.concat([buf.subarray(0, at), Buffer.alloc(512), buf.subarray(at)]);
    else buf = mutateBytes(rng, buf, TAR_TOKENS);
  }
  return buf;
}

interface TarCase {
  bytes: Buffer;
  /** chunk sizes the streaming parser is fed in, in turn; null: readTar on the whole buffer */
  chunks: number[] | null;
  keep: Keep | 'mixed';
  limits: Partial<TarLimits>;
}

const tarFamily: Family<TarCase> = {
  name: 'tar',
  extension: 'tar',
  generate(rng) {
    let bytes: Buffer;
    const shape = rng.int(100);
    if (shape < 8) bytes = rng.bytes(rng.chance(0.5) ? 512 * rng.range(1, 4) : rng.length(4096));
    else {
      const { bytes: valid, headers } = archive(validMembers(rng), rng.pick([2, 2, 2, 1, 0]));
      bytes = shape < 15 ? valid : mutateArchive(rng, valid, headers);
    }
    const limits: Partial<TarLimits> = {};
    if (rng.chance(0.3)) {
      // Small limits, so that every bound is reached by small archives too.
      if (rng.chance(0.5)) limits.keptFileBytes = rng.int(4096);
      if (rng.chance(0.5)) limits.longHeaderBytes = rng.int(2048);
      if (rng.chance(0.5)) limits.nameBytes = rng.range(1, 300);
      if (rng.chance(0.5)) limits.entries = rng.int(8);
      if (rng.chance(0.5)) limits.tarBytes = rng.int(16_384);
    }
    const chunks = rng.chance(0.4)
      ? null
      : Array.from({ length: rng.range(1, 6) }, () => (rng.chance(0.3) ? rng.range(1, 3) : rng.range(1, 2048)));
    return { bytes, chunks, keep: rng.pick(['content', 'header', 'none', 'mixed'] as const), limits };
  },
  input: (c) => c.bytes,
  describe: (c) => {
    const feed = c.chunks ? `TarParser fed in chunks of ${c.chunks.join(', ')} bytes` : 'readTar';
    return `${feed}, keep ${c.keep}, limits ${JSON.stringify(c.limits)}`;
  },
  run(c) {
    const select = (path: string): Keep => (c.keep === 'mixed' ? (['content', 'header', 'none'] as const)[path.length % 3]! : c.keep);
    if (!c.chunks) return readTar(c.bytes, (p) => select(p) === 'content', c.limits);
    const parser = new TarParser(select, c.limits);
    parser.write(Buffer.alloc(0));
    for (let pos = 0, k = 0; pos < c.bytes.length; k++) {
      const n = c.chunks[k % c.chunks.length] ?? 1;
      parser.write(c.bytes.subarray(pos, pos + n));
      pos += n;
    }
    return parser.end();
  },
  isClearError: (err) => err instanceof TarError,
};

// --- registry manifests, indexes, tag lists ---------------------------------------------------

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';
const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const MANIFEST_KEYS = [
  'schemaVersion',
  'mediaType',
  'config',
  'layers',
  'manifests',
  'digest',
  'size',
  'platform',
  'os',
  'architecture',
  'tags',
];
const JSON_TOKENS = ['{', '}', '[', ']', '"', ',', ':', '\\u0000', '\\ud800', 'null', '1e999', '-', '\ufeff', '\u2028'];

const MAX_ANSWER_BYTES = 4 * 1024 * 1024;

/** A loopback registry: if the stand-in for the network were ever bypassed, nothing leaves this machine. */
const FUZZ_REPO: Repository = { registry: '127.0.0.1:9', path: 'fuzz/cuda' };

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

type RegistryCall = 'imageSize' | 'get' | 'tags' | 'check' | 'shape' | 'layer';

interface ManifestCase {
  call: RegistryCall;
  reference: string;
  /** what the registry answers, request after request (the last one again when they run out) */
  answers: Answer[];
  /** the bytes every blob request streams */
  blob: Buffer;
}

function layerBlob(rng: Rng): { blob: Buffer; mediaType: string } {
  const tar = archive(validMembers(rng), 2).bytes;
  const gz = rng.chance(0.7);
  return { blob: gz ? gzipSync(tar) : tar, mediaType: `application/vnd.oci.image.layer.v1.tar${gz ? '+gzip' : ''}` };
}

function imageManifest(rng: Rng, layer: { blob: Buffer; mediaType: string }): Json {
  const layers: Json[] = [{ mediaType: layer.mediaType, digest: sha256(layer.blob), size: layer.blob.length }];
  for (let k = rng.int(4); k > 0; k--) layers.push({ mediaType: layer.mediaType, digest: `sha256:${rng.hex(32)}`, size: rng.int(1e9) });
  return {
    schemaVersion: 2,
    mediaType: rng.chance(0.7) ? OCI_MANIFEST : DOCKER_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${rng.hex(32)}`, size: rng.int(20_000) },
    layers,
  };
}

function imageIndex(rng: Rng, amd64Digest: string): Json {
  const entry = (digest: string, os: string, architecture: string): Json => ({
    mediaType: OCI_MANIFEST,
    digest,
    size: rng.int(5000),
    platform: { os, architecture },
  });
  const manifests = [entry(amd64Digest, 'linux', 'amd64'), entry(`sha256:${rng.hex(32)}`, 'linux', 'arm64')];
  if (rng.chance(0.5)) manifests.push(entry(`sha256:${rng.hex(32)}`, 'unknown', 'unknown'));
  return {
    schemaVersion: 2,
    mediaType: rng.chance(0.7) ? OCI_INDEX : DOCKER_LIST,
    manifests: rng.chance(0.5) ? manifests.reverse() : manifests,
  };
}

function tagList(rng: Rng): Json {
  const tags = Array.from(
    { length: rng.length(200) },
    () => `12.${rng.int(9)}.${rng.int(3)}-cudnn-${rng.pick(['runtime', 'devel'])}-ubuntu${rng.pick(['22.04', '24.04'])}`,
  );
  return { name: FUZZ_REPO.path, tags };
}

/** A registry document as served: mostly the valid one, else damaged in structure, in bytes, or both. */
function servedBody(rng: Rng, doc: Json): Buffer {
  const roll = rng.int(100);
  if (roll < 30) return Buffer.from(JSON.stringify(doc));
  if (roll < 35) return rng.bytes(rng.length(4096));
  if (roll < 40)
    return Buffer.from(rng.pick(['[', '{"manifests":[', '{"layers":[', '{"tags":[']).repeat(rng.range(100, rng.length(500_000))));
  const mutated = roll < 80 ? mutateJson(rng, doc, MANIFEST_KEYS) : doc;
  const text = JSON.stringify(mutated) ?? 'null';
  const body = roll < 65 ? Buffer.from(text) : Buffer.from(mutateText(rng, text, JSON_TOKENS), rng.chance(0.5) ? 'utf8' : 'latin1');
  // The most the client reads of an answer (MAX_MANIFEST_BYTES in effects/registry.ts): the rest would never arrive.
  return body.subarray(0, MAX_ANSWER_BYTES);
}

function answer(rng: Rng, body: Buffer, contentType: string): Answer {
  const headers: Record<string, string> = {};
  if (rng.chance(0.9))
    headers['content-type'] = rng.chance(0.85)
      ? contentType
      : rng.pick([OCI_INDEX, OCI_MANIFEST, DOCKER_LIST, 'text/html', '', 'application/json; charset=utf-8']);
  if (rng.chance(0.7))
    headers['docker-content-digest'] = rng.chance(0.8)
      ? sha256(body)
      : rng.pick(['', 'sha256:', 'md5:abc', `sha256:${rng.hex(32)}`, '../x']);
  if (rng.chance(0.3)) {
    headers.link = rng.pick([
      `</v2/${FUZZ_REPO.path}/tags/list?n=1000&last=x>; rel="next"`,
      '<http://other.example/v2/x/tags/list>; rel="next"',
      '<>; rel="next"',
      `<${'/'.repeat(rng.range(1, 5000))}>; rel=next`,
      'garbage',
    ]);
  }
  const status = rng.chance(0.85) ? 200 : rng.pick([404, 500, 503, 429, 403, 301, 204, 0, 999, 418]);
  return { status, headers, body };
}

const manifestFamily: Family<ManifestCase> = {
  name: 'manifest',
  extension: 'json',
  generate(rng) {
    const call = rng.pick(['imageSize', 'get', 'tags', 'check', 'check', 'shape', 'shape', 'layer', 'layer'] as const);
    const layer = layerBlob(rng);
    const inner = servedBody(rng, imageManifest(rng, layer));
    const answers: Answer[] = [];
    if (call === 'tags') {
      for (let k = rng.range(1, 3); k > 0; k--) answers.push(answer(rng, servedBody(rng, tagList(rng)), 'application/json'));
    } else if (call === 'check') {
      // HEAD, then GET of the index, then the tag list when the tag was missing.
      const index = servedBody(rng, imageIndex(rng, sha256(inner)));
      answers.push(answer(rng, Buffer.alloc(0), rng.chance(0.7) ? OCI_INDEX : OCI_MANIFEST), answer(rng, index, OCI_INDEX));
      answers.push(answer(rng, servedBody(rng, tagList(rng)), 'application/json'));
    } else {
      if (rng.chance(0.5)) answers.push(answer(rng, servedBody(rng, imageIndex(rng, sha256(inner))), OCI_INDEX));
      answers.push(answer(rng, inner, OCI_MANIFEST));
    }
    const first = answers[0]?.body ?? Buffer.alloc(0);
    const reference = rng.pick([
      '12.4.1-cudnn-runtime-ubuntu22.04',
      'latest',
      sha256(first),
      `sha256:${rng.hex(32)}`,
      'sha256:',
      '..%2f..',
      'a'.repeat(300),
    ]);
    const blob = rng.chance(0.8) ? layer.blob : mutateBytes(rng, layer.blob);
    return { call, reference, answers, blob };
  },
  input: (c) =>
    Buffer.from(
      JSON.stringify({
        call: c.call,
        reference: c.reference,
        answers: c.answers.map((a) => ({ ...a, body: a.body.toString('latin1') })),
        blobBase64: c.blob.toString('base64'),
      }),
    ),
  describe: (c) => `${c.call} of ${FUZZ_REPO.registry}/${FUZZ_REPO.path}:${c.reference.slice(0, 80)}, ${c.answers.length} answer(s)`,
  async run(c) {
    if (c.call === 'imageSize') return RegistryClient.imageSize({ digest: '', mediaType: '', body: c.answers[0]?.body ?? Buffer.alloc(0) });
    const client = scriptedRegistry(c);
    const ref = c.reference.startsWith('sha256:') ? `@${c.reference}` : `:${c.reference}`;
    switch (c.call) {
      case 'get':
        return client.get(FUZZ_REPO, c.reference);
      case 'tags':
        return client.tags(FUZZ_REPO, 3);
      case 'check':
        return checkImage(`${FUZZ_REPO.registry}/${FUZZ_REPO.path}${ref}`, client, { os: 'linux', architecture: 'amd64' });
      case 'shape':
        return registryImage(client, FUZZ_REPO, c.reference, 'the fuzzed image').shape();
      default: {
        const image = registryImage(client, FUZZ_REPO, c.reference, 'the fuzzed image');
        await image.shape();
        return image.layer(0, (p) => (p.endsWith('.py') ? 'content' : 'header'));
      }
    }
  },
  // Besides RegistryError, the plain Errors oci.ts writes itself ("... does not exist in the
  // registry", a layer's "not a well-formed tar: ..."), unless they wrap a TypeError or the like.
  isClearError(err) {
    const own = (e: unknown): boolean => e instanceof RegistryError || e instanceof TarError || e instanceof ManifestError;
    if (own(err)) return true;
    for (let e: unknown = err; e; e = (e as { cause?: unknown }).cause) {
      if (!(e instanceof Error) || (e.name !== 'Error' && !own(e))) return false;
    }
    return err instanceof Error;
  },
};

/** A RegistryClient whose requests get the case's answers: its parsing runs, no request leaves the process. */
function scriptedRegistry(c: ManifestCase): RegistryClient {
  if (typeof (RegistryClient.prototype as unknown as { send?: unknown }).send !== 'function') {
    // Named so that it counts as a bug, not as the registry client's own clear error.
    const err = new Error('RegistryClient has no send method any more: the stand-in for the network in scripts/fuzz.ts needs updating');
    err.name = 'FuzzHarnessError';
    throw err;
  }
  // No docker config: credentials are never looked up, and no 401 is scripted, so no token realm is asked.
  const client = new RegistryClient({ DOCKER_CONFIG: '/nonexistent/fuzz' }, 0);
  let next = 0;
  const send = async (): Promise<HttpResponse> => {
    const a = c.answers[Math.min(next++, c.answers.length - 1)] ?? { status: 404, headers: {}, body: Buffer.alloc(0) };
    return { status: a.status, statusText: '', ok: a.status >= 200 && a.status < 300, headers: { ...a.headers }, body: a.body };
  };
  const blobStream = async (): Promise<Readable> => Readable.from([c.blob]);
  Object.assign(client as object, { send, blobStream });
  return client;
}

// --- package index pages ----------------------------------------------------------------------

interface IndexCase {
  body: string;
  contentType: string;
  pageUrl: string;
}

const HTML_TOKENS = [
  '<a ',
  '<a\n',
  '<A HREF=',
  '</a>',
  '</A >',
  '>',
  '<',
  '"',
  "'",
  '=',
  '&#x',
  '&#',
  '&amp;',
  '&#1114112;',
  '&#x110000;',
  '&#0;',
  '&#99999999999999999999;',
  '<!--',
  '-->',
  'href=',
  'data-yanked',
  'data-core-metadata="true"',
  'data-requires-python=">=3.8"',
  '<html>',
  '<!DOCTYPE html>',
  '\u0000',
  '\ud800',
  '#sha256=',
  'javascript:',
  '//evil.example/',
  '\\',
  '\t',
  '\r\n',
];

const PAGE_URLS = [
  'https://pypi.org/simple/torch/',
  'https://download.pytorch.org/whl/cu124/torch/',
  'http://127.0.0.1:8080/simple/numpy/',
  'file:///etc/',
  'not a url',
  '',
];

function wheelFiles(rng: Rng): { filename: string; url: string; meta: boolean; yanked: boolean; python: string }[] {
  return Array.from({ length: rng.length(40) }, () => {
    const version = `${rng.int(3)}.${rng.int(12)}.${rng.int(4)}`;
    const filename = rng.chance(0.8)
      ? `torch-${version}-cp3${rng.range(8, 13)}-cp3${rng.range(8, 13)}-manylinux_2_28_x86_64.whl`
      : `torch-${version}.tar.gz`;
    const url = rng.pick([
      `../../packages/ab/cd/${filename}`,
      `https://files.example/${filename}`,
      `/whl/${encodeURIComponent(filename)}`,
      filename,
    ]);
    return { filename, url: `${url}#sha256=${rng.hex(32)}`, meta: rng.chance(0.5), yanked: rng.chance(0.1), python: '>=3.8' };
  });
}

function jsonPage(rng: Rng): string {
  const files = wheelFiles(rng).map((f) => ({
    filename: f.filename,
    url: f.url,
    hashes: { sha256: rng.hex(32) },
    'requires-python': f.python,
    ...(f.meta ? { 'core-metadata': { sha256: rng.hex(32) } } : {}),
    ...(f.yanked ? { yanked: rng.chance(0.5) ? true : 'broken' } : {}),
  }));
  const doc: Json = { meta: { 'api-version': '1.1' }, name: 'torch', files, versions: ['2.4.0'] };
  return JSON.stringify(rng.chance(0.6) ? mutateJson(rng, doc, ['files', 'filename', 'url', 'core-metadata', 'yanked']) : doc);
}

function htmlPage(rng: Rng): string {
  const anchors = wheelFiles(rng).map((f) => {
    const attrs = [`href="${f.url}"`, `data-requires-python="${rng.chance(0.5) ? '&gt;=3.8' : '>=3.8'}"`];
    if (f.meta) attrs.push(rng.pick(['data-core-metadata="sha256=abc"', 'data-dist-info-metadata=true', 'data-core-metadata="false"']));
    if (f.yanked) attrs.push(rng.pick(['data-yanked', 'data-yanked=""', "data-yanked='reason'"]));
    return `<a ${rng.chance(0.5) ? attrs.reverse().join(' ') : attrs.join('\n  ')}>${rng.chance(0.9) ? f.filename : ''}</a><br/>`;
  });
  const head = '<!DOCTYPE html>\n<html><head><title>Links for torch</title></head><body><h1>Links for torch</h1>';
  return `${head}\n${anchors.join('\n')}\n</body></html>\n`;
}

/** Pages past the usual sizes: nesting, a huge attribute, an unclosed tag or quote, many anchors. */
function hugePage(rng: Rng): string {
  const n = rng.logRange(1000, 1_000_000);
  switch (rng.int(9)) {
    case 0:
      return `{"files":${'['.repeat(n)}`;
    case 1:
      return '<div>'.repeat(n / 5);
    case 2:
      return `<a href="${'x'.repeat(n)}">f.whl</a>`;
    case 3:
      return `<a href="${'x'.repeat(n)}`;
    case 4:
      return `<a x>${'<'.repeat(n)}</a>`;
    case 5:
      return '<a '.repeat(n / 3);
    case 6:
      return `<a ${'a'.repeat(n)}>x</a>`;
    case 7:
      return `<a href=x>${'&#x1;'.repeat(n / 5)}</a>`;
    default:
      return `<html>${'<a href="/f.whl">f.whl</a>'.repeat(rng.pick([1000, 200_001]))}`;
  }
}

const indexFamily: Family<IndexCase> = {
  name: 'index',
  extension: 'txt',
  generate(rng) {
    const json = rng.chance(0.5);
    const roll = rng.int(100);
    let body: string;
    if (roll < 5) body = rng.bytes(rng.length(8192)).toString('utf8');
    else if (roll < 9) body = hugePage(rng);
    else {
      body = json ? jsonPage(rng) : htmlPage(rng);
      if (roll >= 30) body = mutateText(rng, body, json ? JSON_TOKENS : HTML_TOKENS);
    }
    const contentType = rng.chance(0.9)
      ? json
        ? rng.pick([JSON_TYPE, 'application/json', `${JSON_TYPE}; charset=utf-8`])
        : rng.pick(['text/html', 'text/html; charset=utf-8', 'application/vnd.pypi.simple.v1+html'])
      : rng.pick(['', ';', 'APPLICATION/JSON', 'text/plain', '\u0000', 'a'.repeat(10_000)]);
    return { body, contentType, pageUrl: rng.chance(0.9) ? PAGE_URLS[rng.int(3)]! : rng.pick(PAGE_URLS) };
  },
  input: (c) => Buffer.from(c.body, 'utf8'),
  describe: (c) => `content type ${JSON.stringify(c.contentType.slice(0, 80))}, page ${JSON.stringify(c.pageUrl)}`,
  run: (c) => parseIndexPage(c.body, c.contentType, c.pageUrl),
  isClearError: (err) => err instanceof IndexPageError,
};

// --- matrix specs, compat-files, planned entries ------------------------------------------------

interface MatrixCase {
  matrix: string;
  maxEntries: number;
  compatFile?: string;
  entry?: string;
}

const SELECTORS = {
  torch: ['2.4', '2.5.1', '2.6', '2.7.1', '2.8', '2.9', 'latest', '>=2', '>=2.5 <2.8', '2', '1.13', '~2.3', '^2.4', '2.x', '*'],
  tensorflow: ['2.18', '2.17', '2.16.1', 'latest', '>=2.15', '2'],
  jax: ['0.8', '0.4.30', '0.5', 'latest', '>=0.4'],
  cuda: ['12.4', '12.6', '12.8', '12.1', '11.8', '13.0', '12', '11', '13', 'cpu', 'default', 'cu124', 'cu118'],
  python: ['3.9', '3.10', '3.11', '3.12', '3.13', '3.13t', '3.14', '>=3', '>=3.10 <3.13', 'default'],
  os: ['ubuntu22.04', 'ubuntu24.04', 'ubuntu20.04', 'ubuntu-22.04', 'default'],
  flavor: ['runtime', 'devel'],
} as const;

/** Values a selector parser or the release data refuses: rare, or most specs would stop at the first. */
const WRONG_SELECTORS = ['3.0', '0.1', 'cudnn', 'debian', '12.4.1', '3.1', 'v2', '', ' ', '>=', '2.4.1.1', 'latest-1', '1e3'];

function selector(rng: Rng, key: keyof typeof SELECTORS): string {
  return rng.chance(0.03) ? rng.pick(WRONG_SELECTORS) : rng.pick(SELECTORS[key]);
}

const CUSTOM_VALUES: Record<string, Json> = {
  'apt-packages': ['git', 'curl'],
  'pip-packages': ['numpy==2.1.3'],
  env: { HF_HOME: '/cache' },
  user: 'app',
  workdir: '/workspace',
  'tag-suffix': 'extra',
  'pip-index-url': 'https://pypi.example/simple',
  'base-image': 'nvidia/cuda:{cuda}-runtime-ubuntu{ubuntu}',
};

const YAML_TOKENS = [
  '&a ',
  '*a',
  '!!binary ',
  '!!map ',
  '<<: ',
  '? ',
  '{',
  '}',
  '[',
  ']',
  ',',
  ': ',
  '- ',
  '\t',
  '\n',
  '\n  ',
  '"',
  "'",
  '#',
  '|',
  '>',
  '%YAML 1.1\n',
  '---\n',
  '...\n',
  '\ufeff',
  '\u0000',
  'torch',
  'cuda',
  'python',
  'include',
  'exclude',
  '>=2',
  '12',
  '~',
];

function selectorValue(rng: Rng, key: keyof typeof SELECTORS): Json {
  return rng.chance(0.4) ? selector(rng, key) : Array.from({ length: rng.range(1, 5) }, () => selector(rng, key));
}

function randomSpec(rng: Rng): Json {
  const spec: Record<string, Json> = {};
  const framework = rng.pick(['torch', 'torch', 'torch', 'tensorflow', 'jax', null] as const);
  if (rng.chance(0.08)) {
    // The expansion that ran out of memory: many wide selectors, each repeated.
    const n = rng.pick([10, 100, 300, 1000]);
    return { torch: Array<Json>(n).fill('>=2'), cuda: Array<Json>(rng.pick([n, 1, 3])).fill('12'), python: '>=3' };
  }
  if (framework) spec[framework] = selectorValue(rng, framework);
  for (const axis of ['cuda', 'python', 'os', 'flavor'] as const) if (rng.chance(0.5)) spec[axis] = selectorValue(rng, axis);
  const partial = (): Json =>
    Object.fromEntries(
      (['torch', 'cuda', 'python', 'os', 'flavor'] as const).filter(() => rng.chance(0.4)).map((k) => [k, selector(rng, k)] as const),
    );
  if (rng.chance(0.3) || !framework) spec.include = Array.from({ length: rng.range(1, 3) }, partial);
  if (rng.chance(0.2)) spec.exclude = Array.from({ length: rng.range(1, 3) }, partial);
  for (const [key, value] of Object.entries(CUSTOM_VALUES)) if (rng.chance(0.05)) spec[key] = value;
  if (rng.chance(0.1)) spec.aliases = randomAliases(rng);
  if (rng.chance(0.03)) spec[rng.pick(['torchs', 'Python', 'cuda_version', rng.hex(4)])] = '1';
  return spec;
}

/** Moving tags (issue 19): templates and selectors, some that cannot pick one entry or are no tag at all. */
function randomAliases(rng: Rng): Json {
  const keys = ['torch', 'jax', 'version', 'cuda', 'python', 'os', 'flavor', 'gpu'] as const;
  const values = ['latest', 'default', '12', '2.8', '3.12', 'cpu', 'cu128', 'ubuntu24.04', 'x', ''];
  const tags = ['latest', '{torchMinor}-cuda{cudaMajor}', '{tag}', 'bad tag', '{cudaMajor}', '{sha}', '-x', 'stable'];
  return Object.fromEntries(
    Array.from({ length: rng.range(1, 3) }, () => [
      rng.pick(tags),
      rng.chance(0.05) ? 'latest' : Object.fromEntries(keys.filter(() => rng.chance(0.4)).map((k) => [k, rng.pick(values)])),
    ]),
  );
}

/** Specs that stress the YAML reader itself: nesting, aliases, size, noise. */
function rawSpec(rng: Rng): string {
  const n = rng.logRange(100, 300_000);
  switch (rng.int(7)) {
    case 0:
      return '['.repeat(n);
    case 1:
      return `torch: ${'{a: '.repeat(n / 4)}`;
    case 2:
      // Aliases of aliases: ten to the power of the depth, if toJS expanded them without bound.
      return [
        'a: &a [x, x, x, x, x, x, x, x, x, x]',
        ...Array.from({ length: 8 }, (_, i) => `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${`*${'abcdefgh'[i]}, `.repeat(10)}]`),
      ].join('\n');
    case 3:
      return `torch: "${'2'.repeat(n)}"`;
    case 4:
      return `${'- '.repeat(n / 2)}x`;
    case 5:
      return rng.bytes(rng.length(4096)).toString('utf8');
    default:
      return `torch: [${Array.from({ length: rng.pick([999, 1001, 5000]) }, () => `"${rng.pick(SELECTORS.torch)}"`).join(', ')}]`;
  }
}

/** Planned entries, as a fan-out job passes one back with toJSON(matrix): made once, from fixed text. */
let plannedEntries: Json[] | undefined;
function plannedEntry(rng: Rng): Json {
  plannedEntries ??= planCommand({
    command: 'plan',
    matrix: { text: 'torch: ["2.5", "2.8"]\ncuda: ["12.4", "cpu"]', origin: 'fuzz' },
    maxEntries: 256,
  }).include.map((e) => JSON.parse(JSON.stringify(e)) as Json);
  return rng.pick(plannedEntries);
}

/** A compat-file: a section or two of the bundled data, damaged. */
function compatFile(rng: Rng): string {
  const data = bundledCompat() as unknown as Record<string, Json>;
  const sections = Object.keys(data).filter((k) => k !== 'sources' && k !== 'leftOut');
  const file: Record<string, Json> = { schemaVersion: 1 };
  for (let k = rng.range(1, 2); k > 0; k--) {
    const name = rng.pick(sections);
    const section = data[name] ?? null;
    file[name] = Array.isArray(section) && section.length ? [structuredClone(rng.pick(section))] : structuredClone(section);
  }
  return JSON.stringify(mutateJson(rng, file, ['version', 'minor', 'patches', 'variants', 'python', 'ubuntu', 'supported']));
}

const matrixFamily: Family<MatrixCase> = {
  name: 'matrix',
  extension: 'yml',
  generate(rng) {
    let matrix: string;
    if (rng.chance(0.05)) matrix = rawSpec(rng);
    else {
      const spec = rng.chance(0.1) ? Array.from({ length: rng.range(1, 3) }, () => randomSpec(rng)) : randomSpec(rng);
      const shape = rng.int(3);
      matrix = shape === 0 ? JSON.stringify(spec) : shape === 1 ? toYaml(spec) : toYaml(spec, { collectionStyle: 'flow' });
      if (rng.chance(0.35)) matrix = mutateText(rng, matrix, YAML_TOKENS);
    }
    const c: MatrixCase = { matrix, maxEntries: rng.pick([1, 16, 256, 256, 100_000]) };
    if (rng.chance(0.1)) c.compatFile = compatFile(rng);
    if (rng.chance(0.05))
      c.entry = JSON.stringify(mutateJson(rng, plannedEntry(rng), ['framework', 'torch', 'cuda', 'python', 'key', 'cudaVariant']));
    return c;
  },
  input: (c) => Buffer.from(c.matrix, 'utf8'),
  describe: (c) =>
    [
      `max-entries ${c.maxEntries}`,
      ...(c.compatFile ? [`compat-file ${c.compatFile.slice(0, 300)}`] : []),
      ...(c.entry ? [`entry ${c.entry.slice(0, 300)}`] : []),
    ].join(', '),
  run(c) {
    const request: Request = { command: 'plan', matrix: { text: c.matrix, origin: 'matrix' }, maxEntries: c.maxEntries };
    if (c.compatFile !== undefined) request.compatFile = { text: c.compatFile, origin: 'compat-file' };
    if (c.entry !== undefined) request.entry = { text: c.entry, origin: 'entry' };
    return planCommand(request);
  },
  isClearError: (err) => err instanceof UserError,
};

const FAMILIES: Record<FamilyName, Family<unknown>> = {
  tar: tarFamily as Family<unknown>,
  manifest: manifestFamily as Family<unknown>,
  index: indexFamily as Family<unknown>,
  matrix: matrixFamily as Family<unknown>,
};

// ---------------------------------------------------------------------------------------------
// The runner: a child process that runs a range of one family's cases and reports each

type Outcome = 'ok' | 'clear' | 'bug';

interface CaseMessage {
  t: 'case';
  i: number;
  ms: number;
  outcome: Outcome;
  /** for a bug: what was thrown, and where */
  error?: { name: string; message: string; at: string };
  /** for a clear error: its message, blurred */
  clear?: string;
  /** for a bug: its input's size, so that the smallest case of each kind is the one reported */
  inputBytes?: number;
  heapMb: number;
  rssMb: number;
}

type RunnerMessage = { t: 'ready' } | { t: 'start'; i: number } | { t: 'done' } | CaseMessage;

/**
 * What was thrown, and where: the function and file of the first frame in src/ (source-mapped), else
 * the first frame. The source map is that of the transpiled file, so its line numbers are not the
 * .ts file's and are left out.
 */
function errorSummary(err: unknown): { name: string; message: string; at: string } {
  const e = err instanceof Error ? err : new Error(`a thrown non-Error: ${String(err)}`);
  const frames = (e.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at '));
  const frame = frames.find((line) => /\bsrc\//.test(line) && !/node_modules/.test(line)) ?? frames[0] ?? '';
  const at = frame
    .trim()
    .replace(/(?:file:\/\/)?\/\S*?\/src\//, 'src/')
    .replace(/(src\/\S+\.ts):\d+:\d+/, '$1');
  return { name: e.name, message: e.message.slice(0, 400), at };
}

/** A message without what changes from input to input: numbers, quoted parts, JSON.parse's excerpt. */
function blur(message: string): string {
  return message
    .replace(/Unexpected token .*? is not valid JSON/, 'Unexpected token … is not valid JSON')
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/[0-9a-f]{12,}/g, 'H')
    .replace(/\d+/g, 'N')
    .slice(0, 80);
}

async function runner(name: FamilyName, seed: number, from: number, to: number): Promise<void> {
  const family = FAMILIES[name];
  const send = (m: RunnerMessage): void => void process.send?.(m);
  // An error that escapes a case (a stream's, after it settled) ends the runner: the supervisor counts it.
  process.on('uncaughtException', (err) => {
    process.stderr.write(`uncaught: ${err.stack ?? err}\n`);
    process.exit(70);
  });
  send({ t: 'ready' });
  for (let i = from; i < to; i++) {
    // A turn of the event loop between cases: the reports go out as they are made, not at the end.
    await new Promise((resolve) => setImmediate(resolve));
    const c = family.generate(caseRng(seed, name, i));
    send({ t: 'start', i });
    const t0 = performance.now();
    let outcome: Outcome = 'ok';
    let error: CaseMessage['error'];
    let clear: string | undefined;
    try {
      await family.run(c);
    } catch (err) {
      outcome = family.isClearError(err) ? 'clear' : 'bug';
      if (outcome === 'bug') error = errorSummary(err);
      // Which of the parser's checks answered: how deep the cases reach.
      else clear = blur((err as Error).message);
    }
    const ms = performance.now() - t0;
    const heapMb = v8.getHeapStatistics().total_heap_size / 2 ** 20;
    const rssMb = process.resourceUsage().maxRSS / 1024;
    const about = error ? { error, inputBytes: family.input(c).length } : clear ? { clear } : {};
    send({ t: 'case', i, ms, outcome, ...about, heapMb, rssMb });
  }
  // Exit once the last report is out: a handle a case left open must not keep the runner alive.
  process.send?.({ t: 'done' } satisfies RunnerMessage, () => process.exit(0));
}

// ---------------------------------------------------------------------------------------------
// The supervisor: one runner at a time per family, a watchdog on each case

interface Options {
  seed: number;
  cases: number;
  families: FamilyName[];
  /** --case: that case alone */
  only: number | null;
  timeMs: number;
  heapMb: number;
  rssMb: number;
}

/** A failure, with the smallest case found of its kind (for bugs: of those with the same signature). */
interface Finding {
  kind: 'BUG' | 'HANG' | 'OOM';
  family: FamilyName;
  case: number;
  /** cases with the same signature */
  count: number;
  what: string;
  at?: string;
  inputBytes: number;
  /** filled in when the family is done: the input rebuilt from the seed, saved whole */
  input?: { file: string; hex: string; text: string; details: string; reproduce: string };
}

interface FamilyReport {
  family: FamilyName;
  cases: number;
  ok: number;
  clearErrors: number;
  bugs: number;
  hangs: number;
  ooms: number;
  slowestMs: number;
  slowestCase: number;
  p99Ms: number;
  peakHeapMb: number;
  peakRssMb: number;
  seconds: number;
  /** clear errors by message (blurred): which checks the cases reached */
  clearErrorKinds: Record<string, number>;
  findings: Finding[];
}

function parseOptions(argv: string[]): Options {
  const opts: Options = {
    seed: randomInt(2 ** 31),
    cases: 10_000,
    families: [...FAMILY_NAMES],
    only: null,
    timeMs: 2000,
    heapMb: 256,
    rssMb: 1024,
  };
  const whole = (flag: string, text: string | undefined): number => {
    if (!text || !/^\d+$/.test(text)) throw new Error(`${flag} takes a whole number, got ${JSON.stringify(text ?? '')}`);
    return Number(text);
  };
  let seeded = false;
  for (let k = 0; k < argv.length; k++) {
    const [flag, value] = [argv[k], argv[k + 1]];
    k++;
    if (flag === '--seed') {
      opts.seed = whole(flag, value) >>> 0;
      seeded = true;
    } else if (flag === '--cases') opts.cases = whole(flag, value);
    else if (flag === '--case') opts.only = whole(flag, value);
    else if (flag === '--time-ms') opts.timeMs = whole(flag, value);
    else if (flag === '--heap-mb') opts.heapMb = whole(flag, value);
    else if (flag === '--rss-mb') opts.rssMb = whole(flag, value);
    else if (flag === '--family') {
      const names = (value ?? '').split(',');
      const unknown = names.filter((n) => !(FAMILY_NAMES as readonly string[]).includes(n));
      if (unknown.length) throw new Error(`--family: ${unknown.join(', ')} is not one of ${FAMILY_NAMES.join(', ')}`);
      opts.families = names as FamilyName[];
    } else throw new Error(`unknown option ${JSON.stringify(flag)}; see the top of scripts/fuzz.ts`);
  }
  if (opts.only !== null && !seeded) throw new Error('--case names a case of one run: give its --seed too');
  return opts;
}

/** The runner's resident memory now, where /proc says (Linux); null elsewhere. */
function residentMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
}

class FamilyRun {
  readonly report: FamilyReport;
  private readonly durations: number[] = [];
  /** by signature: one finding per kind of exception */
  private readonly bugs = new Map<string, Finding>();

  constructor(
    private readonly family: Family<unknown>,
    private readonly opts: Options,
  ) {
    this.report = {
      family: family.name,
      cases: 0,
      ok: 0,
      clearErrors: 0,
      bugs: 0,
      hangs: 0,
      ooms: 0,
      slowestMs: 0,
      slowestCase: -1,
      p99Ms: 0,
      peakHeapMb: 0,
      peakRssMb: 0,
      seconds: 0,
      clearErrorKinds: {},
      findings: [],
    };
  }

  async run(from: number, to: number): Promise<FamilyReport> {
    const t0 = performance.now();
    for (let next = from; next < to;) next = await this.runRunner(next, to);
    const r = this.report;
    r.p99Ms = percentile(
      [...this.durations].sort((a, b) => a - b),
      99,
    );
    r.seconds = (performance.now() - t0) / 1000;
    r.findings.push(...this.bugs.values());
    r.clearErrorKinds = Object.fromEntries(Object.entries(r.clearErrorKinds).sort((a, b) => b[1] - a[1]));
    r.findings.sort((a, b) => a.kind.localeCompare(b.kind) || a.case - b.case);
    for (const f of r.findings) f.input = this.saveInput(f.case);
    return r;
  }

  /** One runner from case `from`; resolves with the case the next runner starts at. */
  private runRunner(from: number, to: number): Promise<number> {
    const { family, opts } = this;
    return new Promise((resolve, reject) => {
      const child = fork(process.argv[1] ?? '', ['--runner', family.name, String(opts.seed), String(from), String(to)], {
        execArgv: [`--max-old-space-size=${opts.heapMb}`, '--enable-source-maps'],
        stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-8192)));
      let ready = false;
      let done = false;
      let lastDone = from - 1;
      let beat = performance.now();
      let running = false;
      let killed: 'HANG' | 'OOM' | 'SLOW_GENERATOR' | null = null;
      child.on('message', (m: RunnerMessage) => {
        beat = performance.now();
        if (m.t === 'ready') ready = true;
        else if (m.t === 'start') running = true;
        else if (m.t === 'done') done = true;
        else {
          running = false;
          lastDone = m.i;
          this.record(m);
        }
      });
      // The watchdog: a case past its time, or a runner past its memory, is stopped from outside.
      const watchdog = setInterval(() => {
        const rss = residentMb(child.pid);
        if (rss !== null) this.report.peakRssMb = Math.max(this.report.peakRssMb, rss);
        if (done || killed) return;
        const waited = performance.now() - beat;
        if (rss !== null && rss > opts.rssMb) killed = 'OOM';
        else if (running && waited > opts.timeMs) killed = 'HANG';
        else if (!running && waited > 60_000) killed = 'SLOW_GENERATOR';
        if (killed) child.kill('SIGKILL');
      }, 25);
      child.on('close', (code, signal) => {
        clearInterval(watchdog);
        if (done) return resolve(to);
        if (!ready) {
          const why =
            killed === 'OOM' ? `it passed ${opts.rssMb} MB resident before its first case` : `${signal ?? `exit ${code}`}: ${stderr}`;
          return reject(new Error(`the ${family.name} runner did not start (${why})`));
        }
        const at = lastDone + 1;
        if (killed === 'SLOW_GENERATOR')
          return reject(new Error(`${family.name} case ${at} took over a minute to make: a fault of scripts/fuzz.ts`));
        const outOfHeap = /heap out of memory|Reached heap limit/.test(stderr);
        if (killed === 'HANG') this.finding('HANG', at, `no result within ${opts.timeMs} ms`);
        else if (killed === 'OOM') this.finding('OOM', at, `the runner passed ${opts.rssMb} MB resident`);
        else if (outOfHeap) this.finding('OOM', at, `the runner ran out of its ${opts.heapMb} MB heap`);
        else
          this.finding(
            'BUG',
            at,
            `the runner died (${signal ?? `exit ${code}`}): ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 400)}`,
          );
        resolve(at + 1);
      });
    });
  }

  private record(m: CaseMessage): void {
    const r = this.report;
    r.cases++;
    this.durations.push(m.ms);
    if (m.ms > r.slowestMs) [r.slowestMs, r.slowestCase] = [m.ms, m.i];
    r.peakHeapMb = Math.max(r.peakHeapMb, m.heapMb);
    r.peakRssMb = Math.max(r.peakRssMb, m.rssMb);
    if (m.outcome === 'ok') r.ok++;
    else if (m.outcome === 'clear') {
      r.clearErrors++;
      if (m.clear !== undefined) r.clearErrorKinds[m.clear] = (r.clearErrorKinds[m.clear] ?? 0) + 1;
    } else {
      r.bugs++;
      const e = m.error ?? { name: 'Error', message: '', at: '' };
      // One finding per exception class and place it is thrown from (JSON.parse's message changes with every input).
      const signature = `${e.name} ${e.at}`;
      const known = this.bugs.get(signature);
      const inputBytes = m.inputBytes ?? 0;
      const found: Finding = {
        kind: 'BUG',
        family: this.family.name,
        case: m.i,
        count: (known?.count ?? 0) + 1,
        what: `${e.name}: ${e.message}`,
        at: e.at,
        inputBytes,
      };
      if (!known || inputBytes < known.inputBytes) this.bugs.set(signature, found);
      else known.count++;
    }
  }

  private finding(kind: 'BUG' | 'HANG' | 'OOM', i: number, what: string): void {
    const r = this.report;
    r.cases++;
    if (kind === 'HANG') r.hangs++;
    else if (kind === 'OOM') r.ooms++;
    else r.bugs++;
    const input = this.family.input(this.family.generate(caseRng(this.opts.seed, this.family.name, i)));
    r.findings.push({ kind, family: this.family.name, case: i, count: 1, what, inputBytes: input.length });
  }

  /** Case i's input rebuilt from the seed and saved whole; its start for the report. */
  saveInput(i: number): NonNullable<Finding['input']> {
    const { family, opts } = this;
    const c = family.generate(caseRng(opts.seed, family.name, i));
    const input = family.input(c);
    mkdirSync(CASES_DIR, { recursive: true });
    const file = `${CASES_DIR}/${family.name}-${opts.seed}-${i}.${family.extension}`;
    writeFileSync(file, input);
    return {
      file,
      hex: input.subarray(0, 256).toString('hex'),
      text: JSON.stringify(input.subarray(0, 300).toString('latin1')),
      details: family.describe(c),
      reproduce: `npm run bench:fuzz -- --seed ${opts.seed} --family ${family.name} --case ${i}`,
    };
  }
}

/** The commit the bundle was made from, and whether src/ had changes on top: what the figures are of. */
function sourceState(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'src'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return changed ? `${commit} with uncommitted changes in src/` : commit;
  } catch {
    return 'unknown (no git)';
  }
}

function table(reports: FamilyReport[]): string {
  const head = ['family', 'cases', 'ok', 'clear errors (kinds)', 'bugs', 'hangs', 'OOMs', 'slowest ms (case)', 'p99 ms'];
  head.push('peak heap MB', 'peak RSS MB', 'seconds');
  const rows = reports.map((r) => [
    r.family,
    String(r.cases),
    String(r.ok),
    `${r.clearErrors} (${Object.keys(r.clearErrorKinds).length})`,
    String(r.bugs),
    String(r.hangs),
    String(r.ooms),
    `${r.slowestMs.toFixed(1)} (#${r.slowestCase})`,
    r.p99Ms.toFixed(2),
    r.peakHeapMb.toFixed(0),
    r.peakRssMb.toFixed(0),
    r.seconds.toFixed(1),
  ]);
  const widths = head.map((h, k) => Math.max(h.length, ...rows.map((row) => row[k]?.length ?? 0)));
  const line = (cells: string[]): string =>
    cells.map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

async function supervise(opts: Options): Promise<number> {
  const from = opts.only ?? 0;
  const to = opts.only === null ? opts.cases : opts.only + 1;
  console.log(
    `fuzz: seed ${opts.seed} (again: --seed ${opts.seed}), cases ${from} to ${to - 1} of ${opts.families.join(', ')}; ` +
      `bounds per case ${opts.timeMs} ms, ${opts.heapMb} MB heap, ${opts.rssMb} MB resident (node ${process.version})`,
  );
  const reports: FamilyReport[] = [];
  for (const name of opts.families) {
    const run = new FamilyRun(FAMILIES[name], opts);
    const report = await run.run(from, to);
    reports.push(report);
    console.log(`  ${name}: ${report.cases} cases in ${report.seconds.toFixed(1)} s, ${report.findings.length} finding(s)`);
    if (opts.only !== null) {
      const saved = run.saveInput(opts.only);
      const [kind] = Object.keys(report.clearErrorKinds);
      const outcome = report.ok ? 'a result' : kind !== undefined ? `a clear error: ${kind}` : 'a finding (below)';
      console.log(`  case ${opts.only} (${saved.details}) ended with ${outcome}; input saved to ${saved.file}`);
    }
  }
  console.log(`\n${table(reports)}\n`);
  const findings = reports.flatMap((r) => r.findings);
  // Hangs and OOMs have no stack to tell them apart: the first few of each family here, all of them in the results.
  const shown = findings.filter(
    (f, k) => f.kind === 'BUG' || findings.slice(0, k).filter((g) => g.kind === f.kind && g.family === f.family).length < 5,
  );
  for (const f of shown) {
    console.log(`${f.kind} ${f.family} case ${f.case}${f.count > 1 ? ` (and ${f.count - 1} more like it)` : ''}: ${f.what}`);
    if (f.at) console.log(`  ${f.at}`);
    if (f.input) {
      console.log(`  ${f.input.details}`);
      console.log(`  input ${f.inputBytes} bytes, ${f.input.file}; starts ${f.input.text.slice(0, 200)}`);
      console.log(`  again: ${f.input.reproduce}`);
    }
  }
  mkdirSync('.tools', { recursive: true });
  const results = { seed: opts.seed, node: process.version, source: sourceState(), options: opts, families: reports };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  if (shown.length < findings.length) console.log(`${findings.length - shown.length} more hangs and OOMs: see ${RESULTS_FILE}`);
  console.log(`results: ${RESULTS_FILE}`);
  return findings.length ? 1 : 0;
}

function main(): void {
  if (process.argv[2] === '--runner') {
    const [name, seed, from, to] = process.argv.slice(3);
    void runner(name as FamilyName, Number(seed), Number(from), Number(to));
    return;
  }
  let opts: Options;
  try {
    opts = parseOptions(process.argv.slice(2));
  } catch (err) {
    console.error(`fuzz: ${(err as Error).message}`);
    process.exit(2);
  }
  supervise(opts).then(
    (code) => (process.exitCode = code),
    (err: Error) => {
      console.error(`fuzz: ${err.message}`);
      process.exitCode = 2;
    },
  );
}

main();
