import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLayer } from '../src/effects/oci.js';
import { RegistryClient } from '../src/effects/registry.js';
import { inventoryOf, inventorySelect } from '../src/repro/inventory.js';
import { TarParser, mergeLayers, readTar, type TarEntry } from '../src/repro/tar.js';
import { ROOT, runtimes } from './support/runtimes.js';

// The layer reader: the streaming tar parser (src/repro/tar.ts) and the pipeline that feeds it
// (src/effects/oci.ts readLayer: digest, gzip or zstd, a chunk at a time). Archives written by
// GNU tar are read back; hostile ones are written byte by byte here and read in a child process
// (test/support/layer-harness.ts, bundled with ncc) under a timeout that kills it, so a reader
// that hung would fail its case rather than hang the suite.

const scratch = mkdtempSync(path.join(tmpdir(), 'gim-layer-'));
const harness = path.join(scratch, 'harness', 'index.js');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
beforeAll(() => {
  execFileSync('npx', ['ncc', 'build', 'test/support/layer-harness.ts', '-o', path.dirname(harness), '-t', '--quiet'], { cwd: ROOT });
}, 120_000);

const GZIP = 'application/vnd.oci.image.layer.v1.tar+gzip';
const PLAIN = 'application/vnd.oci.image.layer.v1.tar';
const ZSTD = 'application/vnd.oci.image.layer.v1.tar+zstd';

let n = 0;
/** A tar written by GNU tar from files (and links) made here, in the given format. */
function gnuTar(format: 'pax' | 'gnu' | 'ustar', make: (dir: string) => void): Buffer {
  const dir = path.join(scratch, `src-${n++}`);
  mkdirSync(dir);
  make(dir);
  const out = `${dir}.tar`;
  execFileSync('tar', [`--format=${format}`, '--sort=name', '--mtime=@1700000000', '-C', dir, '-cf', out, '.']);
  return readFileSync(out);
}
function write(dir: string, name: string, content: string | Buffer): void {
  mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
  writeFileSync(path.join(dir, name), content);
}
const sha = (s: string | Buffer): string => createHash('sha256').update(s).digest('hex');

// Hand-made archives: each header field written as raw text, the checksum computed unless given.
interface Fields {
  name?: string;
  mode?: string;
  uid?: string;
  gid?: string;
  size?: string | number;
  mtime?: string;
  type?: string;
  link?: string;
  magic?: string;
  checksum?: string;
  edit?: (b: Buffer) => void;
}
function header(f: Fields = {}): Buffer {
  const b = Buffer.alloc(512);
  b.write(f.name ?? 'file', 0, 'latin1');
  b.write(f.mode ?? '0000644\0', 100, 'latin1');
  b.write(f.uid ?? '0000000\0', 108, 'latin1');
  b.write(f.gid ?? '0000000\0', 116, 'latin1');
  const size = f.size ?? 0;
  b.write(typeof size === 'number' ? `${size.toString(8).padStart(11, '0')}\0` : size, 124, 'latin1');
  b.write(f.mtime ?? '14524140000\0', 136, 'latin1');
  b.write(f.type ?? '0', 156, 'latin1');
  b.write(f.link ?? '', 157, 'latin1');
  b.write(f.magic ?? 'ustar\x0000', 257, 'latin1');
  f.edit?.(b);
  b.write('        ', 148, 'latin1');
  const sum = b.reduce((s, x) => s + x, 0);
  b.write(f.checksum ?? `${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}
const pad = (data: string | Buffer): Buffer => {
  const d = Buffer.from(data);
  return Buffer.concat([d, Buffer.alloc((512 - (d.length % 512)) % 512)]);
};
const file = (name: string, content: string, f: Fields = {}): Buffer =>
  Buffer.concat([header({ name, size: content.length, ...f }), pad(content)]);
const pax = (records: string, type = 'x'): Buffer =>
  Buffer.concat([header({ name: 'PaxHeaders/x', type, size: Buffer.byteLength(records) }), pad(records)]);
const record = (key: string, value: string): string => {
  const body = ` ${key}=${value}\n`;
  let len = body.length + 1;
  while (`${len}${body}`.length !== len) len++;
  return `${len}${body}`;
};
const archive = (...parts: Buffer[]): Buffer => Buffer.concat([...parts, Buffer.alloc(1024)]);

describe('tar: archives GNU tar writes', () => {
  const files = (dir: string): void => {
    write(dir, 'etc/hostname', 'box\n');
    write(dir, `${'d'.repeat(80)}/${'e'.repeat(80)}/long-name.txt`, 'long\n');
    symlinkSync(`${'t'.repeat(120)}/target`, path.join(dir, 'long-link'));
    symlinkSync('etc/hostname', path.join(dir, 'link'));
    linkSync(path.join(dir, 'etc/hostname'), path.join(dir, 'hard'));
  };
  for (const format of ['pax', 'gnu', 'ustar'] as const) {
    it(`reads ${format} format: files, long names, symlinks and hard links`, () => {
      const tar = gnuTar(format, (dir) => {
        files(dir);
        if (format === 'ustar') rmSync(path.join(dir, 'long-link')); // ustar cannot hold a 127-byte link target
      });
      const byPath = new Map(readTar(tar).map((e) => [e.path, e]));
      expect(byPath.get('etc/hostname')).toMatchObject({ type: 'file', size: 4, mtime: 1700000000, sha256: sha('box\n') });
      expect(byPath.get(`${'d'.repeat(80)}/${'e'.repeat(80)}/long-name.txt`)).toMatchObject({ type: 'file', sha256: sha('long\n') });
      expect(byPath.get('link')).toMatchObject({ type: 'symlink', link: 'etc/hostname', sha256: null });
      // GNU tar stores the second name of a file as a hard link to the first (sorted: etc/hostname).
      expect(byPath.get('hard')).toMatchObject({ type: 'hardlink', link: 'etc/hostname', size: 0 });
      if (format !== 'ustar') expect(byPath.get('long-link')).toMatchObject({ type: 'symlink', link: `${'t'.repeat(120)}/target` });
      expect(byPath.get('etc')).toMatchObject({ type: 'dir' });
    });
  }

  it('gives the same entries whatever the chunks the bytes arrive in', () => {
    const tar = gnuTar('pax', files);
    const whole = readTar(tar);
    for (const size of [1, 7, 511, 512, 513, 4096]) {
      const parser = new TarParser();
      for (let i = 0; i < tar.length; i += size) parser.write(tar.subarray(i, i + size));
      expect(parser.end(), `chunks of ${size} bytes`).toEqual(whole);
    }
  });

  it('keeps only the inventory files and the whiteouts for the inventory, and whiteouts delete', () => {
    const lower = gnuTar('pax', (dir) => {
      write(dir, 'usr/lib/python3/dist-packages/old-1.0.dist-info/METADATA', 'Name: old\nVersion: 1.0\n');
      write(dir, 'usr/lib/python3/dist-packages/kept-2.0.dist-info/METADATA', 'Name: kept\nVersion: 2.0\n');
      write(dir, 'opt/big.bin', Buffer.alloc(100_000, 1));
    });
    const upper = gnuTar('pax', (dir) => {
      write(dir, 'usr/lib/python3/dist-packages/.wh.old-1.0.dist-info', '');
      write(dir, 'opt/.wh..wh..opq', '');
    });
    const read = (tar: Buffer): TarEntry[] => {
      const parser = new TarParser(inventorySelect);
      parser.write(tar);
      return parser.end();
    };
    const [a, b] = [read(lower), read(upper)];
    expect(a.map((e) => e.path)).toEqual([
      'usr/lib/python3/dist-packages/kept-2.0.dist-info/METADATA',
      'usr/lib/python3/dist-packages/old-1.0.dist-info/METADATA',
    ]);
    expect(b.map((e) => e.path)).toEqual(['opt/.wh..wh..opq', 'usr/lib/python3/dist-packages/.wh.old-1.0.dist-info']);
    expect(inventoryOf(mergeLayers([a, b])).python).toEqual({ kept: '2.0' });
  });
});

describe('tar: pax and GNU extensions written by hand', () => {
  it('applies pax path, linkpath, size, mtime, uid and gid, and global records to every later entry', () => {
    const entries = readTar(
      archive(
        pax(record('uid', '1000') + record('mtime', '1700000000.75'), 'g'),
        pax(record('path', 'a/very/long/path') + record('size', '5') + record('gid', '42')),
        header({ name: 'short', size: 0 }),
        pad('hello'),
        pax(record('linkpath', 'x'.repeat(300))),
        header({ name: 'sym', type: '2', link: 'ignored' }),
      ),
    );
    expect(entries).toEqual([
      expect.objectContaining({ path: 'a/very/long/path', size: 5, sha256: sha('hello'), uid: 1000, gid: 42, mtime: 1700000000 }),
      expect.objectContaining({ path: 'sym', type: 'symlink', link: 'x'.repeat(300), uid: 1000 }),
    ]);
  });

  it('reads GNU long names and long link targets (types L and K)', () => {
    const long = `${'n'.repeat(200)}/file`;
    const entries = readTar(
      archive(
        Buffer.concat([header({ name: '././@LongLink', type: 'L', size: long.length + 1, magic: 'ustar  \0' }), pad(`${long}\0`)]),
        file('ignored', 'x', { magic: 'ustar  \0' }),
        Buffer.concat([header({ name: '././@LongLink', type: 'K', size: 301, magic: 'ustar  \0' }), pad(`${'k'.repeat(300)}\0`)]),
        header({ name: 'l', type: '1', link: 'short', magic: 'ustar  \0' }),
      ),
    );
    expect(entries.map((e) => [e.path, e.type, e.link])).toEqual([
      [long, 'file', ''],
      ['l', 'hardlink', 'k'.repeat(300)],
    ]);
  });

  it('reads an archive that ends without its two zero blocks at an entry boundary (as Go and GNU tar do)', () => {
    expect(readTar(file('a', 'x')).map((e) => e.path)).toEqual(['a']);
  });
});

describe('readLayer: the stream from a blob to entries', () => {
  it('reads a gzip layer from a file, checking its digest', async () => {
    const gz = gzipSync(
      gnuTar('pax', (dir) => write(dir, 'var/lib/dpkg/status', 'Package: a\nStatus: install ok installed\nVersion: 1\n')),
    );
    const p = path.join(scratch, 'layer.tar.gz');
    writeFileSync(p, gz);
    const entries = await readLayer(
      () => createReadStream(p),
      { digest: `sha256:${sha(gz)}`, size: gz.length, mediaType: GZIP },
      'layer 0',
      {
        select: inventorySelect,
      },
    );
    expect(entries.map((e) => [e.path, e.content?.toString()])).toEqual([
      ['var/lib/dpkg/status', 'Package: a\nStatus: install ok installed\nVersion: 1\n'],
    ]);
  });
});

describe('RegistryClient.blobStream: a layer from the registry as a stream (a registry on 127.0.0.1 in the test)', () => {
  it('answers the token challenge, follows the storage redirect without credentials, and streams the body', async () => {
    const body = gzipSync(archive(file('usr/bin/tool', 'x'.repeat(3 * 1024 * 1024))));
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
      if (req.url?.startsWith('/token')) return res.end(JSON.stringify({ token: 't0k' }));
      if (req.url?.startsWith('/storage/')) return res.end(body);
      if (req.headers.authorization !== 'Bearer t0k') {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://127.0.0.1:${port}/token",service="test"` });
        return res.end();
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': body.length });
        return res.end();
      }
      res.writeHead(307, { Location: '/storage/blob?signature=1' });
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const client = new RegistryClient({ DOCKER_CONFIG: scratch, HOME: scratch }, 0);
      const repo = { registry: `127.0.0.1:${port}`, path: 'team/image' };
      const digest = `sha256:${sha(body)}`;
      const entries = await readLayer(() => client.blobStream(repo, digest), { digest, size: body.length, mediaType: GZIP }, 'layer 0');
      expect(entries.map((e) => [e.path, e.size])).toEqual([['usr/bin/tool', 3 * 1024 * 1024]]);
      expect(seen).toEqual([
        `HEAD /v2/team/image/blobs/${digest} -`,
        'GET /token?service=test&scope=repository%3Ateam%2Fimage%3Apull -',
        `HEAD /v2/team/image/blobs/${digest} Bearer t0k`,
        `GET /v2/team/image/blobs/${digest} Bearer t0k`,
        'GET /storage/blob?signature=1 -',
      ]);
    } finally {
      server.close();
    }
  });
});

interface HarnessRun {
  code: number | null;
  killed: boolean;
  ms: number;
  out: { error?: string; entries?: TarEntry[] };
}
/** One layer read by the harness in a child process, killed (SIGKILL) after `timeoutMs`. */
function readInChild(
  bin: string,
  bytes: Buffer,
  mediaType: string,
  extra: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<HarnessRun> {
  const p = path.join(scratch, `hostile-${n++}`);
  writeFileSync(p, bytes);
  const t0 = Date.now();
  return new Promise((resolve) => {
    execFile(
      bin,
      [harness, p, mediaType, ...extra],
      { timeout: 30_000, killSignal: 'SIGKILL', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout) => {
        const killed = Boolean(err && (err as { killed?: boolean }).killed);
        let out: HarnessRun['out'];
        try {
          out = JSON.parse(stdout) as HarnessRun['out'];
        } catch {
          out = { error: `no JSON: ${stdout.slice(0, 200)}` };
        }
        resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, killed, ms: Date.now() - t0, out });
      },
    );
  });
}

describe('readLayer: hostile and broken layers end in a clear error, never a hang', () => {
  // gzip members one after another are one gzip stream: 256 of 1 MiB of zeros each, about 1 KiB apiece.
  const mibOfZeros = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
  const bigZeros = Buffer.concat([
    gzipSync(header({ name: 'bomb', size: '77777777777\0' })),
    ...Array.from({ length: 256 }, () => mibOfZeros),
  ]);
  const status = gzipSync(archive(file('var/lib/dpkg/status', 'x'.repeat(17 * 1024 * 1024))));
  const ok = gzipSync(archive(file('a', 'x')));
  const cases: [string, Buffer, string, string[], RegExp][] = [
    // The hardening issue's case: the old reader's `pos += len` went backwards forever.
    [
      'a 9-byte pax header of "-3 -3 -3 " (length -3)',
      archive(pax('-3 -3 -3 '), file('a', 'x')),
      PLAIN,
      [],
      /does not start with a length: "-3 -3 -3 "/,
    ],
    ['a pax record length past the header', archive(pax('99 path=x\n'), file('a', 'x')), PLAIN, [], /gives a length of 99; 6 to 10 bytes/],
    ['a pax record length of 0', archive(pax('0 a=b\n'), file('a', 'x')), PLAIN, [], /gives a length of 0/],
    ['a pax record without its newline', archive(pax('9 path=ab'), file('a', 'x')), PLAIN, [], /does not end with a newline/],
    ['a pax record without key=value', archive(pax('8 pathx\n'), file('a', 'x')), PLAIN, [], /is not key=value/],
    [
      'a pax size that is not a number',
      archive(pax(record('size', '-5')), file('a', 'x')),
      PLAIN,
      [],
      /pax size is not a whole number: "-5"/,
    ],
    ['a pax uid that is not a number', archive(pax(record('uid', '1e9')), file('a', 'x')), PLAIN, [], /pax uid is not a whole number/],
    ['a pax mtime that is not a time', archive(pax(record('mtime', 'yesterday')), file('a', 'x')), PLAIN, [], /pax mtime is not a time/],
    [
      'a pax path longer than 64 KiB',
      archive(pax(record('path', 'p'.repeat(70_000))), file('a', 'x')),
      PLAIN,
      [],
      /a path or link target longer than 65536 bytes/,
    ],
    [
      'a pax header declaring 2 GiB',
      archive(header({ name: 'p', type: 'x', size: 2 ** 31 })),
      PLAIN,
      [],
      /extended header \(type x\) of 2048 MiB; at most 1 MiB/,
    ],
    ['a GNU long name declaring 100 MiB', archive(header({ name: 'L', type: 'L', size: 100 * 2 ** 20 })), PLAIN, [], /type L\) of 100 MiB/],
    [
      'an empty GNU long name',
      archive(Buffer.concat([header({ type: 'L', size: 1 }), pad('\0')]), file('a', 'x')),
      PLAIN,
      [],
      /empty GNU long name/,
    ],
    [
      'a size field that is not octal',
      archive(header({ size: '0000000001x\0' })),
      PLAIN,
      [],
      /size field is not an octal number: "0000000001x/,
    ],
    ['a size field with a digit 9', archive(header({ size: '00000000009\0' })), PLAIN, [], /size field is not an octal number/],
    ['a mode field that is not octal', archive(header({ mode: '-000644\0' })), PLAIN, [], /mode field is not an octal number/],
    ['a uid field with junk after its NUL', archive(header({ uid: '00001\0ab' })), PLAIN, [], /uid field is not an octal number/],
    ['an mtime field that is not octal', archive(header({ mtime: 'yesterday\0\0\0' })), PLAIN, [], /mtime field is not an octal number/],
    [
      'a base-256 size beyond 2^53',
      archive(header({ size: '\x80\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff' })),
      PLAIN,
      [],
      /size field is larger than/,
    ],
    [
      'a negative base-256 size',
      archive(header({ size: '\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xfe' })),
      PLAIN,
      [],
      /size field is a negative/,
    ],
    ['a wrong checksum', archive(header({ checksum: '0000001\0' })), PLAIN, [], /checksum is 1, its bytes sum to/],
    ['a checksum that is not octal', archive(header({ checksum: 'abcdefg\0' })), PLAIN, [], /checksum field is not an octal number/],
    ['an unknown format field', archive(header({ magic: 'tarx!\0' })), PLAIN, [], /format field is "tarx!\\u0000"/],
    ['an empty name', archive(header({ name: '' })), PLAIN, [], /empty name/],
    [
      'a lone zero block before a header',
      Buffer.concat([Buffer.alloc(512), file('a', 'x'), Buffer.alloc(1024)]),
      PLAIN,
      [],
      /lone zero block/,
    ],
    ['nine bytes of a header, then the end', header().subarray(0, 9), PLAIN, [], /ends inside a header \(9 of 512 bytes\)/],
    [
      'an entry cut short',
      file('a', 'x'.repeat(2000)).subarray(0, 1000),
      PLAIN,
      [],
      /ends inside an entry: 1512 of its 2000 bytes are missing/,
    ],
    [
      'a declared size of 8 GiB with 1 KiB present',
      Buffer.concat([header({ size: '77777777777\0' }), Buffer.alloc(1024)]),
      PLAIN,
      [],
      /ends inside an entry/,
    ],
    ['an extended header with no entry after it', pax(record('path', 'x')), PLAIN, [], /extended header, with no entry/],
    ['gzip data under a plain tar media type', ok, PLAIN, [], /gzip-compressed, though its media type says plain tar/],
    ['a gzip stream cut in half', ok.subarray(0, ok.length >> 1), GZIP, [], /compressed data is damaged or cut short/],
    [
      'gzip bytes that are damaged',
      Buffer.concat([ok.subarray(0, 12), Buffer.alloc(ok.length - 12, 0xaa)]),
      GZIP,
      [],
      /compressed data is damaged/,
    ],
    [
      'plain bytes under a gzip media type',
      archive(file('a', 'x')),
      GZIP,
      [],
      /compressed data is damaged or cut short \(incorrect header check\)/,
    ],
    [
      `a gzip bomb: 256 MiB of zeros in ${Math.round(bigZeros.length / 1024)} KiB, read with a 64 MiB limit`,
      bigZeros,
      GZIP,
      [JSON.stringify({ tarBytes: 64 * 2 ** 20 })],
      /more than 64 MiB uncompressed: a decompression bomb/,
    ],
    [
      'a dpkg status of 17 MiB',
      status,
      GZIP,
      ['{}', 'inventory'],
      /var\/lib\/dpkg\/status is 17 MiB; a file the report reads may hold at most 16 MiB/,
    ],
    [
      'more entries than the limit',
      archive(...Array.from({ length: 20 }, (_, i) => file(`f${i}`, 'x'))),
      PLAIN,
      [JSON.stringify({ entries: 10 })],
      /more than 10 entries/,
    ],
    ['an unknown media type', ok, 'application/vnd.oci.image.config.v1+json', [], /is not a tar layer/],
  ];
  for (const [name, bytes, mediaType, extra, error] of cases) {
    it(`${name}: ${error.source.slice(0, 60)}`, async () => {
      const r = await readInChild(process.execPath, bytes, mediaType, extra);
      expect(r.killed, `the reader was still running after 30 s`).toBe(false);
      expect(r.code).toBe(1);
      expect(r.out.error).toMatch(/^layer 0 of the test image \(sha256:[0-9a-f]{64}\): /);
      expect(r.out.error).toMatch(error);
      expect(r.ms).toBeLessThan(20_000);
    });
  }

  it('a blob whose bytes do not match its digest', async () => {
    const r = await readInChild(process.execPath, ok, GZIP, [], { LAYER_DIGEST: `sha256:${'0'.repeat(64)}` });
    expect(r.out.error).toMatch(/its bytes do not match its digest/);
  });

  it('the gzip bomb without a lower limit is read to its end in bounded memory and time, then reported as cut short', async () => {
    const r = await readInChild(process.execPath, bigZeros, GZIP);
    expect(r.killed).toBe(false);
    expect(r.out.error).toMatch(/ends inside an entry: \d+ of its 8589934591 bytes/);
  });

  it('SIGTERM stops a read that would never end (the event loop stays free), as the runner cancelling the step', async () => {
    const child = spawn(process.execPath, [harness, '--endless'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const kill = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await new Promise<void>((resolve) => child.stderr.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 500));
    const t0 = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    clearTimeout(kill);
    expect(code, out).toBe(1);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(out).toMatch(/layer 0 of an endless stream \(none:\): stopped: the run was cancelled/);
  });

  it('zstd layers: read under Node 24, a clear error under a Node without zstd', async () => {
    const tar = archive(file('usr/bin/tool', 'zstd!'));
    const zst = execFileSync('zstd', ['-q', '-c'], { input: tar });
    for (const { name, bin } of runtimes()) {
      const r = await readInChild(bin, zst, ZSTD);
      const hasZstd = execFileSync(bin, ['-p', 'typeof require("zlib").createZstdDecompress']).toString().trim() === 'function';
      if (hasZstd)
        expect(
          r.out.entries?.map((e) => [e.path, e.sha256]),
          name,
        ).toEqual([['usr/bin/tool', sha('zstd!')]]);
      else expect(r.out.error, name).toMatch(/zstd-compressed, which Node v\d+\.\d+\.\d+ cannot read \(Node 22\.15 or newer can/);
    }
  });
});
