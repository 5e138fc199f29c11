import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small Actions cache service speaking the v1 REST protocol, which the real
 * @actions/cache client uses when ACTIONS_CACHE_URL is set and
 * ACTIONS_CACHE_SERVICE_V2 is not. Loopback only; entries kept in memory.
 *
 *   GET  /_apis/artifactcache/cache?keys=a,b&version=v   -> 200 {cacheKey, archiveLocation} | 204
 *   POST /_apis/artifactcache/caches {key, version}       -> 201 {cacheId} | 409 when the key exists
 *   PATCH /_apis/artifactcache/caches/:id  (Content-Range) -> 204
 *   POST /_apis/artifactcache/caches/:id {size}           -> 204
 *   GET  /archives/:id                                    -> the archive
 */
export interface CacheServer {
  url: string;
  /** keys saved so far */
  keys(): string[];
  /**
   * Fault injection from now on: answer every request with this status (with Retry-After: 1 for
   * 429), or 'hang' to accept requests and never answer; null for normal service.
   */
  failWith(status: number | 'hang' | null): void;
  close(): Promise<void>;
}

interface Entry {
  key: string;
  version: string;
  chunks: { start: number; data: Buffer }[];
  archive: Buffer | null;
}

export async function startCacheServer(): Promise<CacheServer> {
  const entries = new Map<number, Entry>();
  let nextId = 1;
  let failure: number | 'hang' | null = null;
  const hanging: ServerResponse[] = [];

  const body = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => resolve(Buffer.concat(parts)));
      req.on('error', reject);
    });
  const json = (res: ServerResponse, status: number, value: unknown): void => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(value));
  };

  let base = '';
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', base);
    const data = await body(req);
    if (failure === 'hang') {
      hanging.push(res);
      return;
    }
    if (failure === 429) {
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      res.end(JSON.stringify({ message: 'injected: too many requests' }));
      return;
    }
    if (failure !== null) return json(res, failure, { message: 'injected failure' });
    const p = url.pathname;
    if (req.method === 'GET' && p === '/_apis/artifactcache/cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      const version = url.searchParams.get('version');
      const done = [...entries.entries()].filter(([, e]) => e.archive && e.version === version).reverse();
      for (const key of keys) {
        const exact = done.find(([, e]) => e.key === key);
        const prefix = exact ?? done.find(([, e]) => e.key.startsWith(key));
        if (prefix) return json(res, 200, { cacheKey: prefix[1].key, archiveLocation: `${base}/archives/${prefix[0]}` });
      }
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && p === '/_apis/artifactcache/caches') {
      const { key, version } = JSON.parse(data.toString()) as { key: string; version: string };
      if ([...entries.values()].some((e) => e.key === key && e.version === version)) return json(res, 409, { message: 'exists' });
      const id = nextId++;
      entries.set(id, { key, version, chunks: [], archive: null });
      return json(res, 201, { cacheId: id });
    }
    const m = /^\/_apis\/artifactcache\/caches\/(\d+)$/.exec(p);
    const entry = m ? entries.get(Number(m[1])) : undefined;
    if (m && !entry) return json(res, 404, { message: 'no such cache' });
    if (req.method === 'PATCH' && entry) {
      const start = Number(/bytes (\d+)-/.exec(req.headers['content-range'] ?? '')?.[1] ?? 0);
      entry.chunks.push({ start, data });
      res.writeHead(204).end();
      return;
    }
    if (req.method === 'POST' && entry) {
      entry.archive = Buffer.concat(entry.chunks.sort((a, b) => a.start - b.start).map((c) => c.data));
      entry.chunks = [];
      res.writeHead(204).end();
      return;
    }
    const a = /^\/archives\/(\d+)$/.exec(p);
    const archived = a ? entries.get(Number(a[1]))?.archive : undefined;
    if (req.method === 'GET' && archived) {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': archived.length });
      res.end(archived);
      return;
    }
    json(res, 404, { message: `no route ${req.method} ${p}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/`,
    keys: () => [...entries.values()].filter((e) => e.archive).map((e) => e.key),
    failWith: (status) => {
      failure = status;
    },
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging.splice(0)) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
