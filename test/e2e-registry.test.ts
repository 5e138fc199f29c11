import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes, sign } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { RegistryClient } from '../src/effects/registry.js';
import { BASE_IMAGE, BUILDER, REGISTRY, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The registry client on real parts: Distribution registries of this file's own on free
// 127.0.0.1 ports (one whose access log shows every request the action sends; one with token
// auth, which checks every token's scope itself), BuildKit behind the buildx remote builder, the
// committed action bundle under Node 24, and the shared registry on :5000 for capitals. The one
// stand-in is the token server: Distribution ships none, so this file signs the tokens the
// registry verifies.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.4.1\ncuda: cpu\npython: "3.11"';
const ENTRY_TAG = '2.4.1-cpu-py3.11-ubuntu24.04';
const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG EXTRA=none\nRUN echo "extra \${EXTRA}" > /extra\n`;

let dir = '';
const started: ChildProcess[] = [];

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** A Distribution registry on a free port; its access log (stdout) is kept. */
async function startRegistry(name: string, auth = ''): Promise<{ host: string; log: () => string }> {
  const port = await freePort();
  const config = path.join(dir, `${name}.yml`);
  writeFileSync(
    config,
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/${name}-data\n  delete:\n` +
      `    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\n${auth}`,
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (out += c.toString('utf8')));
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`http://127.0.0.1:${port}/v2/`).catch(() => null);
    if (res) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host: `127.0.0.1:${port}`, log: () => out };
}

/** The manifest requests in an access log: "METHOD reference status", with the content tag and digests named so. */
function manifestRequests(log: string, repoPath: string): string[] {
  const re = new RegExp(`"(\\w+) /v2/${repoPath}/manifests/([^ ]+) HTTP/1\\.1" (\\d+)`, 'g');
  const named = (ref: string): string => (ref.startsWith('sha256:') ? 'digest' : ref.startsWith('gim-') ? 'content' : ref);
  return [...log.matchAll(re)].map((m) => `${m[1]} ${named(m[2] ?? '')} ${m[3]}`);
}

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

function build(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    node.bin,
    {
      command: 'build',
      matrix: MATRIX,
      dockerfile: 'Dockerfile',
      context: 'image',
      builder: BUILDER,
      push: 'true',
      cache: 'none',
      ...inputs,
    },
    {
      setup: (ws) => {
        mkdirSync(path.join(ws, 'image'));
        writeFileSync(path.join(ws, 'image/Dockerfile'), DOCKERFILE);
      },
      timeoutMs: 300_000,
    },
  );
}

beforeAll(() => {
  requireInfra();
  dir = mkdtempSync(path.join(tmpdir(), 'gim-e2e-registry-'));
});
afterAll(() => {
  for (const child of started) child.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('skip-existing asks with HEAD: Docker Hub counts a manifest GET as a pull, a HEAD not', () => {
  let registry: { host: string; log: () => string };
  let image = '';
  let firstDigest = '';
  beforeAll(async () => {
    registry = await startRegistry('heads');
    image = `${registry.host}/e2e/heads`;
  });

  it('an unchanged re-run sends two HEADs per entry and no GET (the registry access log)', async () => {
    const first = await build({ image });
    expect(first.code, first.stdout.slice(-3000)).toBe(0);
    firstDigest = images(first)[0]!.digest!;
    const mark = registry.log().length;
    const again = await build({ image });
    expect(again.code, again.stdout.slice(-3000)).toBe(0);
    const [r] = images(again);
    expect(r).toMatchObject({ status: 'skipped', digest: firstDigest, size: null });
    await new Promise((res) => setTimeout(res, 200));
    expect(manifestRequests(registry.log().slice(mark), 'e2e/heads')).toEqual(['HEAD content 200', `HEAD ${ENTRY_TAG} 200`]);
  });

  it('moving a tag back reads the manifest once, by digest, and PUTs it', async () => {
    const changed = await build({ image, 'build-args': 'EXTRA=changed' });
    expect(images(changed)[0]?.status, changed.stdout.slice(-3000)).toBe('built');
    const mark = registry.log().length;
    const back = await build({ image });
    expect(back.code, back.stdout.slice(-3000)).toBe(0);
    const [r] = images(back);
    expect(r?.status).toBe('skipped');
    expect(r?.size, 'the manifest was read for the PUT, so its size is known').toBeGreaterThan(1000);
    await new Promise((res) => setTimeout(res, 200));
    expect(manifestRequests(registry.log().slice(mark), 'e2e/heads')).toEqual([
      'HEAD content 200',
      `HEAD ${ENTRY_TAG} 200`,
      'GET digest 200',
      `PUT ${ENTRY_TAG} 201`,
    ]);
    const head = await fetch(`http://${registry.host}/v2/e2e/heads/manifests/${ENTRY_TAG}`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(head.headers.get('docker-content-digest')).toBe(firstDigest);
  });
});

describe('tokens are kept per scope: a pull token is never sent with a push', () => {
  const scopes: string[] = [];
  let tokenServer: http.Server;
  let registry: { host: string; log: () => string };

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=gim-test-issuer',
        '-keyout',
        path.join(dir, 'token.key'),
        '-out',
        path.join(dir, 'token.crt'),
      ],
      { stdio: 'ignore' },
    );
    const key = readFileSync(path.join(dir, 'token.key'), 'utf8');
    const der = readFileSync(path.join(dir, 'token.crt'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
    const b64 = (v: object | Buffer): string => (Buffer.isBuffer(v) ? v : Buffer.from(JSON.stringify(v))).toString('base64url');
    // The stand-in token server: grants whatever scope is asked for, signed with the key whose
    // certificate the registry trusts, and records each scope asked.
    tokenServer = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const scope = url.searchParams.get('scope') ?? '';
      scopes.push(scope);
      const [, name, actions] = /^repository:(.+):([\w,]+)$/.exec(scope) ?? [];
      const now = Math.floor(Date.now() / 1000);
      const header = b64({ typ: 'JWT', alg: 'RS256', x5c: [der] });
      const claims = b64({
        iss: 'gim-test-issuer',
        sub: 'ci',
        aud: 'gim-test',
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomBytes(8).toString('hex'),
        access: name ? [{ type: 'repository', name, actions: (actions ?? '').split(',') }] : [],
      });
      const signature = sign('sha256', Buffer.from(`${header}.${claims}`), key).toString('base64url');
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: `${header}.${claims}.${signature}` }));
    });
    await new Promise<void>((r) => tokenServer.listen(0, '127.0.0.1', r));
    const realm = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`;
    registry = await startRegistry(
      'scoped',
      `auth:\n  token:\n    realm: ${realm}\n    service: gim-test\n    issuer: gim-test-issuer\n    rootcertbundle: ${dir}/token.crt\n`,
    );
  });
  afterAll(() => new Promise<void>((r) => tokenServer.close(() => r())));

  /** A small image pushed by the test itself, with a push token of its own. */
  async function pushSmallImage(repoPath: string, tag: string): Promise<void> {
    const tokenPort = (tokenServer.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${tokenPort}/token?service=gim-test&scope=repository:${repoPath}:pull,push`);
    const { token } = (await res.json()) as { token: string };
    scopes.length = 0;
    const auth = { Authorization: `Bearer ${token}` };
    const upload = async (blob: Buffer): Promise<string> => {
      const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;
      const start = await fetch(`http://${registry.host}/v2/${repoPath}/blobs/uploads/`, { method: 'POST', headers: auth });
      const location = new URL(start.headers.get('location') ?? '', `http://${registry.host}`);
      location.searchParams.set('digest', digest);
      const put = await fetch(location, { method: 'PUT', headers: { ...auth, 'Content-Type': 'application/octet-stream' }, body: blob });
      expect(put.status).toBe(201);
      return digest;
    };
    const config = Buffer.from('{"architecture":"amd64","os":"linux","rootfs":{"type":"layers","diff_ids":[]}}');
    const layer = randomBytes(64);
    const manifest = {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: await upload(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: await upload(layer), size: layer.length }],
    };
    const put = await fetch(`http://${registry.host}/v2/${repoPath}/manifests/${tag}`, {
      method: 'PUT',
      headers: { ...auth, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' },
      body: JSON.stringify(manifest),
    });
    expect(put.status, await put.text()).toBe(201);
  }

  it('a read then a re-tag: the push asks the token server for pull,push before its PUT, which the registry takes at once', async () => {
    await pushSmallImage('e2e/scoped', 'one');
    const client = new RegistryClient({ DOCKER_CONFIG: dir }, 0);
    const repo = { registry: registry.host, path: 'e2e/scoped' };
    const manifest = await client.get(repo, 'one');
    expect(manifest).not.toBeNull();
    const mark = registry.log().length;
    await client.put(repo, 'two', manifest!);
    expect(scopes).toEqual(['repository:e2e/scoped:pull', 'repository:e2e/scoped:pull,push']);
    // GET (401, the challenge), token, GET; then token, PUT: no PUT refused for a pull token.
    expect(client.requests).toBe(5);
    expect(registry.log().slice(mark)).not.toMatch(/"PUT \/v2\/e2e\/scoped\/manifests\/two HTTP\/1\.1" 401/);
    // Reading again uses the pull token kept for its scope: no new token.
    expect((await client.head(repo, 'two'))?.digest).toBe(manifest!.digest);
    expect(scopes).toHaveLength(2);
    expect(client.requests).toBe(6);
  });
});

describe('repository names with capitals', () => {
  it('lowercases the image and a tags line repository, with one notice each; tags keep their case', async () => {
    const suffix = randomBytes(4).toString('hex');
    const written = `${REGISTRY}/E2E/Caps-${suffix}`;
    const lower = `${REGISTRY}/e2e/caps-${suffix}`;
    const run = await build({ image: written, tags: `${written}:{torch}-Main` });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [r] = images(run);
    expect(r?.tags).toEqual([`${lower}:${ENTRY_TAG}`, `${lower}:2.4.1-Main`]);
    expect(await registryDigest(lower, ENTRY_TAG)).toBe(r?.digest);
    expect(await registryDigest(lower, '2.4.1-Main')).toBe(r?.digest);
    const notices = run.stdout.split('\n').filter((l) => l.includes('has capitals in its repository name'));
    expect(notices).toEqual([
      `input image: "${written}" has capitals in its repository name; using "${lower}" (registries take lowercase repository names only)`,
      `input tags line 1: "${written}:{torch}-Main" has capitals in its repository name; using "${lower}:{torch}-Main" ` +
        '(registries take lowercase repository names only; the tag keeps its case)',
    ]);
  });
});
