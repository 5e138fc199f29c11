import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GithubPackages } from '../src/effects/github-packages.js';

// prune's deletes on ghcr.io go through GitHub's REST API (package versions), which cannot be
// reached from here: these tests run the client against a STAND-IN for that API, a local HTTP
// server answering the paths and fields GitHub's packages documentation gives (versions listed
// 100 a page with id and name = the digest; DELETE by id answers 204).

const d = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const TOKEN = 'ghs_standin_token';

interface Calls {
  method: string;
  url: string;
}

let server: Server;
let api = '';
const calls: Calls[] = [];
/** owner kind -> owner -> package -> versions */
const packages: Record<string, Record<string, Record<string, { id: number; name: string }[]>>> = {
  orgs: { acme: { 'models/pytorch': Array.from({ length: 150 }, (_, i) => ({ id: 1000 + i, name: d(i) })) } },
  users: { alice: { pytorch: [{ id: 7, name: d(7) }] } },
};

beforeAll(async () => {
  server = createServer((req, res) => {
    calls.push({ method: req.method ?? '', url: req.url ?? '' });
    const json = (status: number, body: unknown): void =>
      void res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return json(403, { message: 'Resource not accessible by integration' });
    const url = new URL(req.url ?? '/', 'http://x');
    const m = /^\/(orgs|users)\/([^/]+)\/packages\/container\/([^/]+)\/versions(?:\/(\d+))?$/.exec(url.pathname);
    const list = m ? packages[m[1]!]?.[m[2]!]?.[decodeURIComponent(m[3]!)] : undefined;
    if (!m || !list) return json(404, { message: 'Package not found.' });
    if (req.method === 'GET' && !m[4]) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const per = Number(url.searchParams.get('per_page') ?? '30');
      return json(
        200,
        list.slice((page - 1) * per, page * per).map((v) => ({ ...v, metadata: { package_type: 'container' } })),
      );
    }
    if (req.method === 'DELETE' && m[4]) {
      const i = list.findIndex((v) => v.id === Number(m[4]));
      if (i < 0) return json(404, { message: 'Not found' });
      list.splice(i, 1);
      return void res.writeHead(204).end();
    }
    json(405, { message: 'no' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("ghcr.io deletes through GitHub's packages API (stand-in server)", () => {
  it("finds an organisation's versions over several pages, and deletes exactly the digests asked for", async () => {
    calls.length = 0;
    const done = await new GithubPackages(api, TOKEN).deleteDigests('acme', 'models/pytorch', [d(3), d(140), d(999)]);
    expect(done).toEqual({ deleted: 2, errors: [] });
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url)).toEqual([
      '/orgs/acme/packages/container/models%2Fpytorch/versions/1003',
      '/orgs/acme/packages/container/models%2Fpytorch/versions/1140',
    ]);
    expect(calls.filter((c) => c.method === 'GET')).toHaveLength(2);
    expect(packages.orgs!.acme!['models/pytorch']!.map((v) => v.name)).not.toContain(d(3));
  });

  it("falls back to a user's packages when the owner is no organisation", async () => {
    const done = await new GithubPackages(api, TOKEN).deleteDigests('alice', 'pytorch', [d(7)]);
    expect(done).toEqual({ deleted: 1, errors: [] });
    expect(packages.users!.alice!.pytorch).toEqual([]);
  });

  it('says what the token lacks, once, and names a package it cannot see', async () => {
    const refused = await new GithubPackages(api, 'wrong').deleteDigests('acme', 'models/pytorch', [d(1), d(2)]);
    expect(refused.deleted).toBe(0);
    expect(refused.errors).toEqual([
      expect.stringMatching(
        /^GET .*\/orgs\/acme\/packages\/container\/models%2Fpytorch\/versions: 403 Resource not accessible by integration \(the token/,
      ),
    ]);
    const missing = await new GithubPackages(api, TOKEN).deleteDigests('acme', 'nope', [d(1)]);
    expect(missing.errors).toEqual([
      'acme/nope is no container package this token can see (GET .../packages/container/nope/versions: 404 for orgs and users)',
    ]);
  });
});
