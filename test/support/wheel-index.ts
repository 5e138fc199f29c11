import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A package index for the verify tests: real wheel files (zip archives with a dist-info METADATA,
 * WHEEL and RECORD, written here byte by byte) served on 127.0.0.1 under several roots, each as
 * PEP 691 JSON, PEP 503 HTML, or either as the client's Accept asks. Some roots serve PEP 658
 * `.metadata` files beside the wheels; every wheel answers HTTP range requests. A delay per
 * request stands in for a distant index; hostile roots send a huge page, a malformed one, or
 * redirect in a loop.
 */

export interface WheelFile {
  /** "torch-2.11.0+cu130-cp312-cp312-manylinux_2_28_x86_64.whl" */
  filename: string;
  yanked?: boolean;
  requires?: string[];
  /** PEP 700 upload-time on JSON pages ("2026-10-01T12:00:00Z") */
  uploaded?: string;
}

export interface IndexRoot {
  /** "/whl/cu130" */
  path: string;
  files: WheelFile[];
  /** how project pages are served: json, html, or as Accept asks (default) */
  format?: 'json' | 'html' | 'negotiate';
  /** serve <file>.metadata (PEP 658) and say so on the pages */
  metadata?: boolean;
  /** answer range requests for this root's wheels with the whole file (200), as some servers do */
  noRanges?: boolean;
}

export interface WheelIndex {
  /** http://127.0.0.1:<port> */
  url: string;
  /** every path asked for, in order */
  requests: string[];
  /** the Range header of every wheel asked for (null: the whole file) */
  ranges: (string | null)[];
  /** the wheel bytes by file name */
  wheels: Map<string, Buffer>;
  setDelay(ms: number): void;
  /** publish one more wheel on a root, as an upload to a live index would */
  addFile(rootPath: string, file: WheelFile): void;
  close(): Promise<void>;
}

/** The METADATA of a wheel: name, version and Requires-Dist, then a description after a blank line. */
function metadataText(filename: string, requires: string[]): string {
  const [dist, version] = filename.split('-') as [string, string];
  return (
    `Metadata-Version: 2.1\nName: ${dist.replace(/_/g, '-')}\nVersion: ${version}\n` +
    requires.map((r) => `Requires-Dist: ${r}\n`).join('') +
    '\nA wheel built by the tests.\nRequires-Dist: not-a-header==1\n'
  );
}

/** A wheel as pip would install it: the archive's name, version and tag come from the file name. */
export function wheelBytes(filename: string, requires: string[] = []): Buffer {
  const parts = filename.slice(0, -'.whl'.length).split('-');
  const [dist, version] = parts as [string, string];
  const tag = parts.slice(-3).join('-');
  const info = `${dist}-${version}.dist-info`;
  const files: [string, string][] = [
    [`${dist}/__init__.py`, `__version__ = "${version}"\n`],
    [`${info}/METADATA`, metadataText(filename, requires)],
    [`${info}/WHEEL`, `Wheel-Version: 1.0\nGenerator: gim-test\nRoot-Is-Purelib: false\nTag: ${tag}\n`],
  ];
  const record = files.map(
    ([n, text]) => `${n},sha256=${createHash('sha256').update(text).digest('base64url')},${Buffer.byteLength(text)}`,
  );
  files.push([`${info}/RECORD`, `${[...record, `${info}/RECORD,,`].join('\n')}\n`]);
  return zip(files);
}

/** A zip archive of deflated entries, as wheels are: what the format needs, nothing more. */
function zip(files: [string, string][]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const raw = Buffer.from(text);
    const data = deflateRawSync(raw);
    const nameBytes = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0, 6); // flags
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x5021, 12); // date: 2020-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0, 12);
    entry.writeUInt16LE(0x5021, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

function projectOf(filename: string): string {
  return (filename.split('-')[0] as string).replace(/[-_.]+/g, '-').toLowerCase();
}

export async function serveWheelIndex(roots: IndexRoot[]): Promise<WheelIndex> {
  const wheels = new Map<string, Buffer>();
  const metadata = new Map<string, string>();
  for (const root of roots) {
    for (const f of root.files) {
      if (!wheels.has(f.filename)) wheels.set(f.filename, wheelBytes(f.filename, f.requires));
      metadata.set(f.filename, metadataText(f.filename, f.requires ?? []));
    }
  }
  const requests: string[] = [];
  const ranges: (string | null)[] = [];
  let delay = 0;
  const sha = (name: string): string =>
    createHash('sha256')
      .update(wheels.get(name) as Buffer)
      .digest('hex');

  const page = (root: IndexRoot, project: string, req: IncomingMessage, res: ServerResponse): void => {
    const files = root.files.filter((f) => projectOf(f.filename) === project);
    if (!files.length) return void res.writeHead(404).end('not found');
    const accept = req.headers.accept ?? '';
    const json = root.format === 'json' || (root.format !== 'html' && accept.includes('application/vnd.pypi.simple.v1+json'));
    if (json) {
      const body = {
        meta: { 'api-version': '1.1' },
        name: project,
        files: files.map((f) => ({
          filename: f.filename,
          url: `/files/${encodeURIComponent(f.filename)}`,
          hashes: { sha256: sha(f.filename) },
          ...(root.metadata ? { 'core-metadata': { sha256: 'x' } } : {}),
          ...(f.yanked ? { yanked: true } : {}),
          ...(f.uploaded ? { 'upload-time': f.uploaded } : {}),
        })),
      };
      return void res.writeHead(200, { 'Content-Type': 'application/vnd.pypi.simple.v1+json' }).end(JSON.stringify(body));
    }
    const links = files.map(
      (f) =>
        `<a href="/files/${encodeURIComponent(f.filename)}#sha256=${sha(f.filename)}"` +
        `${root.metadata ? ' data-dist-info-metadata="sha256=x" data-core-metadata="sha256=x"' : ''}` +
        `${f.yanked ? ' data-yanked=""' : ''}>${f.filename.replace(/&/g, '&amp;')}</a><br/>`,
    );
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!DOCTYPE html>\n<html><body>\n${links.join('\n')}\n</body></html>\n`);
  };

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = decodeURIComponent(req.url ?? '/');
    requests.push(url);
    // Hostile roots.
    if (url.startsWith('/hostile/huge/')) {
      // No Content-Length: the client must stop reading by itself.
      res.writeHead(200, { 'Content-Type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      let sent = 0;
      const more = (): void => {
        while (sent < 512 && res.write(chunk)) sent++;
        if (sent >= 512) res.end();
        else res.once('drain', more);
      };
      res.on('error', () => {});
      return more();
    }
    if (url.startsWith('/hostile/malformed/')) {
      return void res.writeHead(200, { 'Content-Type': 'application/vnd.pypi.simple.v1+json' }).end('{"files": [ {"filename": ');
    }
    if (url.startsWith('/hostile/busy/')) {
      // 429 with Retry-After the first time a page is asked for, then the page of the first root.
      if (requests.filter((r) => r === url).length === 1) return void res.writeHead(429, { 'Retry-After': '1' }).end('slow down');
      return page(roots[0] as IndexRoot, url.split('/')[3] as string, req, res);
    }
    if (url.startsWith('/hostile/loop/')) {
      const n = Number(/\/(\d+)\/?$/.exec(url)?.[1] ?? 0);
      return void res.writeHead(302, { Location: `/hostile/loop/torch/${(n + 1) % 3}/` }).end();
    }
    const file = /^\/files\/(.+)$/.exec(url)?.[1];
    if (file) {
      const name = file.endsWith('.metadata') ? file.slice(0, -'.metadata'.length) : file;
      const body = file.endsWith('.metadata') ? Buffer.from(metadata.get(name) ?? '') : wheels.get(name);
      if (!body || (file.endsWith('.metadata') && !roots.some((r) => r.metadata && r.files.some((f) => f.filename === name)))) {
        return void res.writeHead(404).end('not found');
      }
      if (file.endsWith('.whl')) ranges.push(req.headers.range ?? null);
      const ignoresRanges = roots.some((r) => r.noRanges && r.files.some((f) => f.filename === name));
      const range = ignoresRanges ? null : /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
      if (range) {
        const start = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
        const end = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
        return void res
          .writeHead(206, { 'Content-Range': `bytes ${start}-${end}/${body.length}`, 'Accept-Ranges': 'bytes' })
          .end(body.subarray(start, end + 1));
      }
      return void res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes' }).end(body);
    }
    for (const root of roots) {
      const m = new RegExp(`^${root.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/?$`).exec(url);
      if (m) return page(root, (m[1] as string).toLowerCase(), req, res);
    }
    res.writeHead(404).end('not found');
  };

  const server: Server = createServer((req, res) => {
    if (delay) setTimeout(() => handle(req, res), delay);
    else handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    ranges,
    wheels,
    setDelay: (ms) => void (delay = ms),
    addFile: (rootPath, file) => {
      const root = roots.find((r) => r.path === rootPath);
      if (!root) throw new Error(`no index root ${rootPath}`);
      wheels.set(file.filename, wheelBytes(file.filename, file.requires));
      metadata.set(file.filename, metadataText(file.filename, file.requires ?? []));
      root.files.push(file);
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
