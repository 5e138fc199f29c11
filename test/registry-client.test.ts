import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { retryAfterMs } from '../src/effects/http.js';
import { RegistryClient, RegistryError } from '../src/effects/registry.js';

// The registry client's answer to rate limits. The OCI distribution-spec says a 429
// TOOMANYREQUESTS "SHOULD include a Retry-After header" (RFC 9110: seconds or an HTTP-date);
// GHCR puts its hint in the error text instead. No real registry here limits on purpose, so
// the 429s come from a misbehaving-registry stand-in: a small HTTP server in this process
// that answers 429 as many times as a test asks, and says so in each test's name.

describe('retryAfterMs (RFC 9110 Retry-After)', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const cases: [string | undefined, number | null][] = [
    ['3', 3000],
    [' 0 ', 0],
    ['Tue, 01 Dec 2026 12:00:05 GMT', 5000],
    ['Tuesday, 01-Dec-26 12:00:05 GMT', 5000],
    ['Tue Dec  1 12:00:05 2026', 5000],
    ['Tue, 01 Dec 2026 11:00:00 GMT', 0],
    ['1.5', null],
    ['-1', null],
    ['soon', null],
    ['', null],
    [undefined, null],
  ];
  for (const [value, expected] of cases)
    it(`reads ${JSON.stringify(value)} as ${expected} ms`, () => expect(retryAfterMs(value, now)).toBe(expected));
});

interface StandIn {
  url: string;
  seen: { method: string; at: number }[];
  close(): Promise<void>;
}

/** A registry stand-in that answers the first `limited` requests 429 with `retryAfter`, then serves one manifest. */
async function rateLimitedRegistry(limited: number, retryAfter?: () => string): Promise<StandIn> {
  const seen: { method: string; at: number }[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ method: req.method ?? '', at: Date.now() });
    if (seen.length <= limited) {
      res.writeHead(429, {
        'Content-Type': 'application/json',
        ...(retryAfter ? { 'Retry-After': retryAfter() } : {}),
      });
      res.end(JSON.stringify({ errors: [{ code: 'TOOMANYREQUESTS', message: 'retry-after: 880.092µs, allowed: 44000/minute' }] }));
      return;
    }
    const body = Buffer.from('{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}');
    res.writeHead(200, {
      'Content-Type': 'application/vnd.oci.image.manifest.v1+json',
      'Docker-Content-Digest': `sha256:${'d'.repeat(64)}`,
      'Content-Length': String(body.length),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `127.0.0.1:${port}`,
    seen,
    close: () => new Promise((r) => server.close(() => r())),
  };
}

describe('429 Too Many Requests', () => {
  let standIn: StandIn | undefined;
  afterEach(async () => {
    await standIn?.close();
    standIn = undefined;
  });
  // No docker config: nothing here asks for credentials.
  const env = { DOCKER_CONFIG: mkdtempSync(path.join(tmpdir(), 'gim-noconfig-')) };
  const repo = (s: StandIn): { registry: string; path: string } => ({ registry: s.url, path: 'e2e/limited' });
  const gaps = (s: StandIn): number[] => s.seen.slice(1).map((r, i) => r.at - (s.seen[i]?.at ?? 0));

  it('waits the seconds Retry-After asks before each retry (misbehaving-registry stand-in: 429 twice)', async () => {
    standIn = await rateLimitedRegistry(2, () => '1');
    const client = new RegistryClient(env, 2);
    const found = await client.head(repo(standIn), 'v1');
    expect(found?.digest).toBe(`sha256:${'d'.repeat(64)}`);
    expect(standIn.seen.map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
    for (const gap of gaps(standIn)) {
      expect(gap).toBeGreaterThanOrEqual(950);
      expect(gap).toBeLessThan(2000);
    }
  });

  it('waits until an HTTP-date Retry-After (misbehaving-registry stand-in: 429 once)', async () => {
    standIn = await rateLimitedRegistry(1, () => new Date(Date.now() + 2000).toUTCString());
    const client = new RegistryClient(env, 2);
    expect(await client.get(repo(standIn), 'v1')).toMatchObject({ digest: `sha256:${'d'.repeat(64)}` });
    const [gap] = gaps(standIn);
    // The date has whole seconds: between 1 and 2 s from the 429.
    expect(gap).toBeGreaterThanOrEqual(950);
    expect(gap).toBeLessThan(2600);
  });

  it('cuts a Retry-After of an hour to its cap (misbehaving-registry stand-in: 429 once, Retry-After 3600)', async () => {
    standIn = await rateLimitedRegistry(1, () => '3600');
    const client = new RegistryClient(env, 2, () => {}, 700);
    expect(await client.head(repo(standIn), 'v1')).not.toBeNull();
    const [gap] = gaps(standIn);
    expect(gap).toBeGreaterThanOrEqual(650);
    expect(gap).toBeLessThan(1500);
  });

  it('backs off without Retry-After (misbehaving-registry stand-in: 429 once, no header)', async () => {
    standIn = await rateLimitedRegistry(1);
    const client = new RegistryClient(env, 1);
    expect(await client.head(repo(standIn), 'v1')).not.toBeNull();
    expect(gaps(standIn)[0]).toBeGreaterThanOrEqual(450);
  });

  it(
    'gives up after the attempts retries allows, with the status and the registry error text ' +
      '(misbehaving-registry stand-in: 429 every time)',
    async () => {
      standIn = await rateLimitedRegistry(Number.POSITIVE_INFINITY, () => '0');
      const client = new RegistryClient(env, 2);
      const failure = await client.get(repo(standIn), 'v1').catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(RegistryError);
      expect((failure as RegistryError).status).toBe(429);
      expect((failure as Error).message).toMatch(
        /^GET 127\.0\.0\.1:\d+\/e2e\/limited:v1: 429 Too Many Requests \(after 3 attempts\): .*TOOMANYREQUESTS.*retry-after: 880\.092µs/,
      );
      expect(standIn.seen).toHaveLength(3);
    },
  );
});
