import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Readable } from 'node:stream';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { registryImage } from '../src/effects/oci.js';
import { mayCarryCredentials, RegistryClient, RegistryError } from '../src/effects/registry.js';
import { httpRequest } from '../src/effects/http.js';

// The registry client against hostile registries: small HTTP servers this file starts on loopback
// addresses (127.0.0.1 and 127.0.0.2; binding 127.0.0.2 works on Linux), each named as such in
// its test. They send credentials' realms elsewhere (WWW-Authenticate), redirect blobs to another
// host, and serve blobs and manifests longer or shorter than they should be or with other bytes.
// Every server here listens on 127.0.0.0/8 and every client is pointed there.

const dir = mkdtempSync(path.join(tmpdir(), 'gim-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const USER = 'ci-user';
const PASSWORD = 's3cret-pass';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const sha = (b: Buffer | string): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

interface Seen {
  method: string;
  url: string;
  /** the credential-carrying headers the request had */
  authorization: string | undefined;
  cookie: string | undefined;
}

interface Hostile {
  /** host:port, as a registry name or in a URL */
  host: string;
  port: number;
  seen: Seen[];
}

const open: http.Server[] = [];
afterEach(async () => {
  for (const server of open.splice(0)) {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

/** A hostile server the test starts on a loopback address; `handle` answers each request. */
async function hostile(
  address: string,
  handle: (req: http.IncomingMessage, res: http.ServerResponse, self: Hostile) => void,
): Promise<Hostile> {
  const self: Hostile = { host: '', port: 0, seen: [] };
  const server = http.createServer((req, res) => {
    self.seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, cookie: req.headers.cookie });
    handle(req, res, self);
  });
  open.push(server);
  await new Promise<void>((r) => server.listen(0, address, r));
  self.port = (server.address() as AddressInfo).port;
  self.host = `${address}:${self.port}`;
  return self;
}

/** A docker config (as `docker login` leaves it) with credentials for `registry`; the client's env. */
function loggedIn(registry: string): NodeJS.ProcessEnv {
  const config = mkdtempSync(path.join(dir, 'docker-'));
  writeFileSync(
    path.join(config, 'config.json'),
    JSON.stringify({ auths: { [registry]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } } }),
  );
  return { DOCKER_CONFIG: config, HOME: config };
}

/** A token server: `{"token": token}` to every request, after recording it. */
const tokenServer = (address: string, token: string): Promise<Hostile> =>
  hostile(address, (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ token }));
  });

/** A registry that asks for a Bearer token from `realm()` and serves one manifest to whoever brings `token`. */
const bearerRegistry = (realm: () => string, token: string): Promise<Hostile> =>
  hostile('127.0.0.1', (req, res) => {
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="${realm()}",service="hostile",scope="repository:team/image:pull"` });
      return res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
    }
    res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Docker-Content-Digest': sha('m') });
    res.end();
  });

const repoOf = (registry: Hostile): { registry: string; path: string } => ({ registry: registry.host, path: 'team/image' });

/** Reads a stream to its end: its bytes, or the error it ended with. */
async function drain(stream: Promise<Readable>): Promise<Buffer | Error> {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of await stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (err) {
    return err as Error;
  }
}

describe('mayCarryCredentials: where a registry may send its credentials for a token (the decision alone, no traffic)', () => {
  // A foreign host cannot be reached from a test: these cases are the rule itself.
  const cases: [string, string, boolean][] = [
    ['ghcr.io', 'https://ghcr.io/token', true],
    ['docker.io', 'https://auth.docker.io/token', true],
    ['registry.example', 'https://elsewhere.example/token', true],
    ['registry.example', 'http://registry.example/token', true],
    ['registry.example:5000', 'http://registry.example:5001/token', true],
    ['Registry.Example', 'http://registry.example/token', true],
    ['docker.io', 'http://registry-1.docker.io/token', true],
    ['docker.io', 'http://auth.docker.io/token', false],
    ['registry.example', 'http://evil.example:1234/token', false],
    ['registry.example', 'http://registry.example.evil.example/token', false],
    ['registry.example', 'http://evil.example/registry.example/token', false],
    ['127.0.0.1:5000', 'http://127.0.0.1:5001/token', true],
    ['127.0.0.1:5000', 'http://127.0.0.2:5001/token', true],
    ['registry.example', 'http://127.255.0.9/token', true],
    ['registry.example', 'http://localhost:8080/token', true],
    ['registry.example', 'http://[::1]:8080/token', true],
    ['[::1]:5000', 'http://[0:0:0:0:0:0:0:1]:5001/token', true],
    ['registry.example', 'http://2130706433/token', true],
    ['registry.example', 'http://[::ffff:127.0.0.1]/token', false],
    ['registry.example', 'http://localhost.evil.example/token', false],
    ['registry.example', 'http://128.0.0.1/token', false],
    ['registry.example', 'ftp://registry.example/token', false],
    ['registry.example', 'file:///etc/passwd', false],
    ['registry.example', 'not a url', false],
  ];
  for (const [registry, realm, allowed] of cases)
    it(`${allowed ? 'sends' : 'withholds'} credentials for ${registry} to ${realm}`, () => {
      expect(mayCarryCredentials(registry, realm)).toBe(allowed);
    });
});

describe('credentials and the WWW-Authenticate realm (a hostile registry the test starts, loopback only)', () => {
  it(
    'sends no credentials to an http realm that is neither the registry host nor loopback as written; asks anonymously and warns ' +
      '(hostile registry: realm http://[::ffff:127.0.0.2]:port/token, an IPv4-mapped address the rule does not take for loopback)',
    async () => {
      const realm = await tokenServer('127.0.0.2', 'anon');
      const registry = await bearerRegistry(() => `http://[::ffff:127.0.0.2]:${realm.port}/token`, 'anon');
      const warnings: string[] = [];
      const client = new RegistryClient(
        loggedIn(registry.host),
        0,
        () => {},
        60_000,
        (m: string) => warnings.push(m),
      );
      expect(await client.head(repoOf(registry), 'v1')).toMatchObject({ digest: sha('m') });
      expect(realm.seen).toHaveLength(1);
      expect(realm.seen[0]?.authorization).toBeUndefined();
      expect(warnings).toEqual([
        `credentials for ${registry.host} not sent to realm http://[::ffff:7f00:2]:${realm.port}/token: ` +
          "not https, not the registry's host and not loopback; asked for a token without them",
      ]);
    },
  );

  it('fails naming the realm and why credentials were withheld when the anonymous token is refused (hostile registry)', async () => {
    const realm = await hostile('127.0.0.2', (_req, res) => {
      res.writeHead(401);
      res.end('{"errors":[{"code":"UNAUTHORIZED","message":"log in"}]}');
    });
    const registry = await bearerRegistry(() => `http://[::ffff:127.0.0.2]:${realm.port}/token`, 'never');
    const failure = await new RegistryClient(loggedIn(registry.host), 0).head(repoOf(registry), 'v1').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RegistryError);
    expect((failure as Error).message).toContain('401 Unauthorized');
    expect((failure as Error).message).toContain(
      `credentials for ${registry.host} not sent to realm http://[::ffff:7f00:2]:${realm.port}/token: ` +
        "not https, not the registry's host and not loopback",
    );
    expect(realm.seen.map((s) => s.authorization)).toEqual([undefined]);
  });

  it("still sends credentials to an http realm on the registry's own host, another port (hostile registry on 127.0.0.1)", async () => {
    const realm = await tokenServer('127.0.0.1', 'granted');
    const registry = await bearerRegistry(() => `http://127.0.0.1:${realm.port}/token`, 'granted');
    const warnings: string[] = [];
    const client = new RegistryClient(
      loggedIn(registry.host),
      0,
      () => {},
      60_000,
      (m: string) => warnings.push(m),
    );
    expect(await client.head(repoOf(registry), 'v1')).not.toBeNull();
    expect(realm.seen.map((s) => s.authorization)).toEqual([BASIC]);
    expect(warnings).toEqual([]);
  });

  it('still sends credentials to an http realm on another loopback address (hostile registry: 127.0.0.1, realm 127.0.0.2)', async () => {
    const realm = await tokenServer('127.0.0.2', 'granted');
    const registry = await bearerRegistry(() => `http://127.0.0.2:${realm.port}/token`, 'granted');
    const client = new RegistryClient(loggedIn(registry.host), 0);
    expect(await client.head(repoOf(registry), 'v1')).not.toBeNull();
    expect(realm.seen.map((s) => s.authorization)).toEqual([BASIC]);
  });

  it('answers a Basic challenge from a registry on loopback over plain http (hostile registry stand-in on 127.0.0.1)', async () => {
    const registry = await hostile('127.0.0.1', (req, res) => {
      if (req.headers.authorization !== BASIC) {
        res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="registry"' });
        return res.end();
      }
      res.writeHead(200, { 'Docker-Content-Digest': sha('m') });
      res.end();
    });
    const client = new RegistryClient(loggedIn(registry.host), 0);
    expect(await client.head(repoOf(registry), 'v1')).toMatchObject({ digest: sha('m') });
    expect(registry.seen.map((s) => s.authorization)).toEqual([undefined, BASIC]);
  });
});

describe('blobs and manifests from a hostile registry the test starts: redirects, sizes, digests (loopback only)', () => {
  const blob = Buffer.from('the layer bytes, as the manifest describes them\n'.repeat(20));

  it('follows a blob redirect to another host (127.0.0.2) without the Authorization header or any other credential', async () => {
    const storage = await hostile('127.0.0.2', (_req, res) => res.end(blob));
    const registry = await hostile('127.0.0.1', (req, res, self) => {
      if (req.url?.startsWith('/token')) return res.end(JSON.stringify({ token: 't0k' }));
      // One hop on the registry's own host (a path signed in its query, no login needed), then off to storage on another.
      if (req.url?.startsWith('/hop')) {
        res.writeHead(302, { Location: `http://${storage.host}/storage/blob?signature=1` });
        return res.end();
      }
      if (req.headers.authorization !== 'Bearer t0k') {
        res.writeHead(401, { 'WWW-Authenticate': `Bearer realm="http://${self.host}/token",service="hostile"` });
        return res.end();
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': blob.length });
        return res.end();
      }
      res.writeHead(307, { Location: '/hop?x=1', 'Set-Cookie': 'session=registry' });
      res.end();
    });
    const client = new RegistryClient(loggedIn(registry.host), 0);
    const read = await drain(client.blobStream(repoOf(registry), sha(blob), blob.length));
    expect(read).toEqual(blob);
    expect(registry.seen.filter((s) => s.url.startsWith('/token')).map((s) => s.authorization)).toEqual([BASIC]);
    expect(storage.seen).toEqual([{ method: 'GET', url: '/storage/blob?signature=1', authorization: undefined, cookie: undefined }]);
    expect(registry.seen.at(-1)).toMatchObject({ url: '/hop?x=1', authorization: undefined, cookie: undefined });
  });

  it('stops a blob that streams past its descriptor size (endless) with a clear error, within seconds', async () => {
    const size = 1024 * 1024;
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha('{}'), size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: sha(Buffer.alloc(size)), size }],
    });
    const registry = await hostile('127.0.0.1', (req, res) => {
      if (req.url?.includes('/manifests/')) {
        res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' });
        return res.end(manifest);
      }
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': size });
        return res.end();
      }
      // Zeros without end (chunked, no Content-Length), as fast as the client takes them.
      res.writeHead(200);
      const zeros = Buffer.alloc(64 * 1024);
      const pump = (): void => {
        while (!res.destroyed && res.write(zeros));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const abort = new AbortController();
    const stop = setTimeout(() => abort.abort(), 8_000);
    const t0 = Date.now();
    try {
      const image = registryImage(new RegistryClient({ DOCKER_CONFIG: dir }, 0), repoOf(registry), 'v1', 'the hostile image', abort.signal);
      const failure = await image.layer(0).catch((err: unknown) => err as Error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(
        new RegExp(
          `blob ${sha(Buffer.alloc(size))} from ${registry.host}/team/image sent more than the ${size} bytes its descriptor gives`,
        ),
      );
      expect(Date.now() - t0).toBeLessThan(5_000);
    } finally {
      clearTimeout(stop);
    }
  }, 20_000);

  it('fails on a layer read through registryImage whose bytes are another gzip layer of the same size (hostile registry)', async () => {
    const real = gzipSync(Buffer.alloc(10_240), { level: 1 });
    const fake = gzipSync(Buffer.alloc(10_240), { level: 9 });
    const other = Buffer.concat([fake, Buffer.alloc(real.length - fake.length)]);
    expect(other.length).toBe(real.length);
    const manifest = JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: sha('{}'), size: 2 },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: sha(real), size: real.length }],
    });
    const registry = await hostile('127.0.0.1', (req, res) => {
      if (req.url?.includes('/manifests/')) return res.end(manifest);
      res.writeHead(200, { 'Content-Length': other.length });
      res.end(req.method === 'HEAD' ? undefined : other);
    });
    const image = registryImage(new RegistryClient({ DOCKER_CONFIG: dir }, 0), repoOf(registry), 'v1', 'the hostile image');
    const failure = await image.layer(0).catch((err: unknown) => err as Error);
    expect((failure as Error).message).toBe(
      `layer 0 of the hostile image (${sha(real)}): blob ${sha(real)} from ${registry.host}/team/image: ` +
        `its bytes hash to ${sha(other)}, not to its digest ${sha(real)}`,
    );
  });

  it('fails on a blob whose bytes do not match its digest, naming the digest', async () => {
    const other = Buffer.from(blob.toString().toUpperCase());
    const registry = await hostile('127.0.0.1', (req, res) => {
      res.writeHead(200, { 'Content-Length': other.length });
      res.end(req.method === 'HEAD' ? undefined : other);
    });
    const read = await drain(new RegistryClient({ DOCKER_CONFIG: dir }, 0).blobStream(repoOf(registry), sha(blob), blob.length));
    expect(read).toBeInstanceOf(RegistryError);
    expect((read as Error).message).toBe(
      `blob ${sha(blob)} from ${registry.host}/team/image: its bytes hash to ${sha(other)}, not to its digest ${sha(blob)}`,
    );
  });

  it('fails on a blob shorter than its descriptor size (hostile registry: the body ends early, chunked)', async () => {
    const short = blob.subarray(0, 100);
    const registry = await hostile('127.0.0.1', (req, res) => {
      if (req.method === 'HEAD') {
        res.writeHead(200, { 'Content-Length': blob.length });
        return res.end();
      }
      res.writeHead(200);
      res.end(short);
    });
    // The digest is that of the short bytes: the size alone must catch it.
    const read = await drain(new RegistryClient({ DOCKER_CONFIG: dir }, 0).blobStream(repoOf(registry), sha(short), blob.length));
    expect(read).toBeInstanceOf(RegistryError);
    expect((read as Error).message).toBe(
      `blob ${sha(short)} from ${registry.host}/team/image ended after 100 of the ${blob.length} bytes its descriptor gives`,
    );
  });

  it('fails on a blob whose connection is cut before its Content-Length (hostile registry), naming how far it got', async () => {
    const registry = await hostile('127.0.0.1', (req, res) => {
      res.writeHead(200, { 'Content-Length': blob.length });
      if (req.method === 'HEAD') return res.end();
      res.write(blob.subarray(0, 100), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const read = await drain(new RegistryClient({ DOCKER_CONFIG: dir }, 0).blobStream(repoOf(registry), sha(blob), blob.length));
    expect(read).toBeInstanceOf(RegistryError);
    expect((read as Error).message).toMatch(
      new RegExp(
        `^blob ${sha(blob)} from ${registry.host}/team/image broke off after 100 of the ${blob.length} bytes its descriptor gives \\(`,
      ),
    );
  });

  it('refuses a blob whose Content-Length is not its descriptor size before reading it', async () => {
    const longer = Buffer.concat([blob, blob]);
    const registry = await hostile('127.0.0.1', (req, res) => {
      res.writeHead(200, { 'Content-Length': longer.length });
      res.end(req.method === 'HEAD' ? undefined : longer);
    });
    const read = await drain(new RegistryClient({ DOCKER_CONFIG: dir }, 0).blobStream(repoOf(registry), sha(blob), blob.length));
    expect(read).toBeInstanceOf(RegistryError);
    expect((read as Error).message).toBe(
      `blob ${sha(blob)} from ${registry.host}/team/image: the registry says ${longer.length} bytes, its descriptor ${blob.length}`,
    );
  });

  it('refuses a descriptor digest that is not a digest before sending anything (a path in the blob URL)', async () => {
    const registry = await hostile('127.0.0.1', (_req, res) => res.end('{}'));
    const read = await drain(new RegistryClient({ DOCKER_CONFIG: dir }, 0).blobStream(repoOf(registry), '../../manifests/latest', 2));
    expect(read).toBeInstanceOf(RegistryError);
    expect((read as Error).message).toMatch(/"\.\.\/\.\.\/manifests\/latest" is not a digest/);
    expect(registry.seen).toEqual([]);
  });

  it('bounds a manifest read at 4 MiB (hostile registry: a manifest without end)', async () => {
    const registry = await hostile('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = (): void => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const t0 = Date.now();
    const failure = await new RegistryClient({ DOCKER_CONFIG: dir }, 0).get(repoOf(registry), 'v1').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RegistryError);
    expect((failure as Error).message).toMatch(/larger than 4194304 bytes/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  });

  it('refuses a manifest whose Content-Length is over 4 MiB at once, without waiting for its body (hostile registry)', async () => {
    const registry = await hostile('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Content-Length': 5 * 1024 * 1024 });
      res.write('{'); // and nothing more: a reader waiting for the rest would wait for its timeout
    });
    const t0 = Date.now();
    const failure = await new RegistryClient({ DOCKER_CONFIG: dir }, 0).get(repoOf(registry), 'v1').catch((err: unknown) => err);
    expect((failure as Error).message).toMatch(/larger than 4194304 bytes/);
    expect(Date.now() - t0).toBeLessThan(5_000);
  }, 20_000);

  it('refuses a manifest asked for by digest whose bytes are another manifest (hostile registry)', async () => {
    const asked = sha('{"schemaVersion":2}');
    const served = '{"schemaVersion":2,"layers":[]}';
    const registry = await hostile('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/vnd.oci.image.manifest.v1+json', 'Docker-Content-Digest': asked });
      res.end(served);
    });
    const failure = await new RegistryClient({ DOCKER_CONFIG: dir }, 0).get(repoOf(registry), asked).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(RegistryError);
    expect((failure as Error).message).toBe(
      `GET ${registry.host}/team/image@${asked}: the manifest's bytes hash to ${sha(served)}, not to the digest asked for`,
    );
  });
});

describe('tokens stay with the registry that bought them (hostile registries the test starts, loopback only; found in review)', () => {
  function listen(host: string, handler: http.RequestListener): Promise<{ port: number; close: () => void }> {
    return new Promise((resolve) => {
      const server = http.createServer(handler);
      server.listen(0, host, () => resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }));
    });
  }

  it('a registry naming the realm of another never receives the token bought with the other registry’s credentials', async () => {
    const secret = 'token-bought-with-credentials-0123456789';
    const token = await listen('127.0.0.1', (req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ token: req.headers.authorization ? secret : 'anonymous-token-000000' }));
    });
    const realm = `http://127.0.0.1:${token.port}/token`;
    const seenByEvil: string[] = [];
    const registry =
      (log?: string[]): http.RequestListener =>
      (req, res) => {
        log?.push(req.headers.authorization ?? '-');
        if (!req.headers.authorization) {
          res.statusCode = 401;
          res.setHeader('www-authenticate', `Bearer realm="${realm}",service="svc"`);
          return res.end();
        }
        res.setHeader('docker-content-digest', `sha256:${'0'.repeat(64)}`);
        res.setHeader('content-type', 'application/vnd.oci.image.manifest.v1+json');
        res.end();
      };
    const trusted = await listen('127.0.0.1', registry());
    const evil = await listen('127.0.0.2', registry(seenByEvil));
    const dir = mkdtempSync(path.join(tmpdir(), 'gim-cfg-'));
    try {
      const auth = Buffer.from('user:pw').toString('base64');
      writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ auths: { [`127.0.0.1:${trusted.port}`]: { auth } } }));
      const masked: string[] = [];
      const client = new RegistryClient({ DOCKER_CONFIG: dir }, 0, (s) => masked.push(s));
      const A = { registry: `127.0.0.1:${trusted.port}`, path: 'acme/pytorch' };
      const E = { registry: `127.0.0.2:${evil.port}`, path: 'acme/pytorch' };
      await client.head(E, 'one');
      await client.head(A, 'one');
      await client.head(E, 'two');
      expect(seenByEvil.join('\n')).not.toContain(secret);
      // the bought token is masked; the anonymous one, which a registry chooses, is not
      expect(masked).toContain(secret);
      expect(masked).not.toContain('anonymous-token-000000');
    } finally {
      rmSync(dir, { recursive: true, force: true });
      token.close();
      trusted.close();
      evil.close();
    }
  });
});

describe('a server that trickles its answer (a hostile server the test starts, loopback only; found in review)', () => {
  it('ends the request at five times the timeout, though no silence ever lasts that long', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const tick = setInterval(() => res.write(' '), 50);
      res.on('close', () => clearInterval(tick));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    try {
      await expect(httpRequest(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { timeoutMs: 200 })).rejects.toThrow(
        /no complete answer from 127\.0\.0\.1:\d+ within 1 s/,
      );
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
