import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { ReproResult } from '../src/commands/repro.js';
import type { SmokeResult } from '../src/commands/smoke.js';
import { BASE_IMAGE, BUILDER, DEBIAN_TORCH_COMPAT, REGISTRY, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Attestations on real parts: BuildKit v0.25 makes the SLSA provenance itself. For SBOMs BuildKit
// runs a generator image; its default (docker/buildkit-syft-scanner) is on Docker Hub, which this
// machine cannot reach, so the tests build a STAND-IN generator that speaks BuildKit's SBOM protocol
// (BUILDKIT_SCAN_SOURCE in, an in-toto SPDX statement in BUILDKIT_SCAN_DESTINATION out) and lists
// the scanned image's Debian packages. Then every reader goes over the attested index: skip-existing,
// size, the smoke check by digest, repro's baseline, and merge of attested platform images.

vi.setConfig({ testTimeout: 900_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const TORCH_BASE = `${REGISTRY}/debian-torch:bookworm`;
const MULTI_BASE = `${REGISTRY}/debian-multi:bookworm`;
const GENERATOR = `${REGISTRY}/gim-fixtures/sbom-stand-in:1`;
const ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
].join(', ');

const SCANNER = `#!/bin/sh
# A stand-in SBOM generator for tests (BuildKit's SBOM protocol): the Debian packages of the scanned
# root filesystem as an SPDX document in an in-toto statement.
set -eu
out="$BUILDKIT_SCAN_DESTINATION/$(basename "$BUILDKIT_SCAN_SOURCE").spdx.json"
{
  printf '{"_type":"https://in-toto.io/Statement/v0.1","predicateType":"https://spdx.dev/Document","subject":[],'
  printf '"predicate":{"spdxVersion":"SPDX-2.3","dataLicense":"CC0-1.0","SPDXID":"SPDXRef-DOCUMENT","name":"gim-stand-in",'
  printf '"documentNamespace":"https://example.invalid/gim-stand-in","creationInfo":{"created":"1970-01-01T00:00:00Z",'
  printf '"creators":["Tool: gim-sbom-stand-in"]},"packages":['
  awk -F': ' '/^Package: /{p=$2} /^Version: /{if (n++) printf ","; \\
    printf "{\\"name\\":\\"%s\\",\\"SPDXID\\":\\"SPDXRef-deb-%d\\",", p, n; \\
    printf "\\"versionInfo\\":\\"%s\\",\\"downloadLocation\\":\\"NOASSERTION\\"}", $2}' \\
    "$BUILDKIT_SCAN_SOURCE/var/lib/dpkg/status"
  printf ']}}\\n'
} > "$out"
`;

let scratch = '';

beforeAll(() => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-attest-'));
  const ctx = path.join(scratch, 'generator');
  mkdirSync(ctx);
  writeFileSync(path.join(ctx, 'scan.sh'), SCANNER, { mode: 0o755 });
  writeFileSync(path.join(ctx, 'Dockerfile'), `FROM ${BASE_IMAGE}\nCOPY scan.sh /scan.sh\nENTRYPOINT ["/scan.sh"]\n`);
  execFileSync('docker', ['build', '-q', '-t', GENERATOR, ctx], { stdio: 'pipe', timeout: 300_000 });
  execFileSync('docker', ['push', '-q', GENERATOR], { stdio: 'pipe', timeout: 300_000 });
}, 600_000);

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

interface IndexEntry {
  digest: string;
  mediaType: string;
  platform?: { os: string; architecture: string };
  annotations?: Record<string, string>;
}

async function getJson<T>(repository: string, kind: 'manifests' | 'blobs', ref: string): Promise<T> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository.replace(`${REGISTRY}/`, '')}/${kind}/${ref}`, {
    headers: { Accept: ACCEPT },
  });
  if (!res.ok) throw new Error(`${kind}/${ref}: ${res.status}`);
  return (await res.json()) as T;
}

/** The index under repo:tag: its images by platform, and for each image the predicate types of its attestations. */
async function attested(
  repository: string,
  tag: string,
): Promise<{ platforms: string[]; predicates: Record<string, string[]>; sbom: string[] }> {
  const index = await getJson<{ manifests?: IndexEntry[] }>(repository, 'manifests', tag);
  if (!index.manifests) return { platforms: [], predicates: {}, sbom: [] }; // one plain image: nothing attested
  const platforms = index.manifests.filter((m) => m.platform?.os !== 'unknown').map((m) => `${m.platform?.os}/${m.platform?.architecture}`);
  const predicates: Record<string, string[]> = {};
  const sbom: string[] = [];
  for (const m of index.manifests.filter((x) => x.annotations?.['vnd.docker.reference.type'] === 'attestation-manifest')) {
    const subject = index.manifests.find((x) => x.digest === m.annotations?.['vnd.docker.reference.digest']);
    const manifest = await getJson<{ layers: { digest: string; annotations?: Record<string, string> }[] }>(
      repository,
      'manifests',
      m.digest,
    );
    const types = manifest.layers.map((l) => l.annotations?.['in-toto.io/predicate-type'] ?? '?');
    predicates[`${subject?.platform?.os}/${subject?.platform?.architecture}`] = types.sort();
    for (const layer of manifest.layers.filter((l) => l.annotations?.['in-toto.io/predicate-type'] === 'https://spdx.dev/Document')) {
      const statement = await getJson<{ predicate: { packages: { name: string }[] } }>(repository, 'blobs', layer.digest);
      sbom.push(...statement.predicate.packages.map((p) => p.name));
    }
  }
  return { platforms, predicates, sbom };
}

describe('attestations on the embedded template, and every reader on the attested index', () => {
  const repo = freshRepository('attest');
  const tag = '1.13.0-cpu-py3.11-ubuntu24.04';
  const inputs = {
    matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
    'compat-file': 'compat.json',
    builder: BUILDER,
    'base-image': TORCH_BASE,
    image: repo,
    push: 'true',
    provenance: 'mode=max',
    sbom: `generator=${GENERATOR}`,
  };
  const action = (extra: Record<string, string>): Promise<ActionRun> =>
    runAction(
      node.bin,
      { ...inputs, ...extra },
      { timeoutMs: 900_000, setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT) },
    );
  let built: ImageResult | undefined;

  it('pushes provenance and an SBOM beside the image; size counts the image; the CPU smoke check runs by digest', async () => {
    const run = await action({ command: 'all', smoke: 'true', 'expect-gpu': 'false' });
    expect(run.code, run.stdout.slice(-5000)).toBe(0);
    [built] = images(run);
    expect(built).toMatchObject({ tag, status: 'built' });
    expect(built?.digest).toBe(await registryDigest(repo, tag));
    expect(built?.platforms).toBeUndefined();
    const found = await attested(repo, tag);
    expect(found.platforms).toEqual(['linux/amd64']);
    expect(found.predicates).toEqual({ 'linux/amd64': ['https://slsa.dev/provenance/v0.2', 'https://spdx.dev/Document'] });
    // the stand-in scanned the built image: Debian's torch is in it
    expect(found.sbom).toEqual(expect.arrayContaining(['python3-torch', 'bash']));
    // size: the image's own config and layers (Debian's torch is hundreds of MB), not the attestations
    expect(built?.size).toBeGreaterThan(100 * 1024 * 1024);
    const [smoke] = JSON.parse(run.outputs['smoke-results'] ?? '[]') as SmokeResult[];
    expect(smoke).toMatchObject({ status: 'passed', image: `${repo}@${built?.digest}` });
  });

  it('skips the attested entry on a re-run (the content tag holds the index)', async () => {
    const run = await action({ command: 'build' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(images(run)[0]).toMatchObject({ status: 'skipped', digest: built?.digest });
  });

  it('gives attested images content tags of their own, so switching provenance on re-pushes instead of skipping', async () => {
    const plain = await action({ command: 'build', provenance: 'false', sbom: 'false' });
    expect(plain.code, plain.stdout.slice(-3000)).toBe(0);
    const [p] = images(plain);
    expect(p?.status).toBe('built');
    expect(p?.contentTag).not.toBe(built?.contentTag);
    expect((await attested(repo, tag)).predicates).toEqual({});
  });

  it('repro compares against an attested baseline, reading its linux/amd64 image', async () => {
    // Put the attested index back under the tag the baseline names.
    const back = await action({ command: 'build' });
    expect(images(back)[0]).toMatchObject({ status: 'skipped', digest: built?.digest });
    expect(await registryDigest(repo, tag)).toBe(built?.digest);
    const run = await action({ command: 'repro', baseline: '{image}:{tag}', 'fail-on': 'none', 'source-date-epoch': '0' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [res] = JSON.parse(run.outputs['repro-report'] ?? '[]') as ReproResult[];
    expect(res).toMatchObject({ status: 'checked', platform: 'linux/amd64' });
    // the baseline's image, read out of the attested index: the same image as the one built now (debian-torch + the template)
    expect(res?.impact).toMatchObject({ baseline: `${repo}:${tag}`, drift: false });
    expect(res?.impact?.baselineDigest).toMatch(/^sha256:/);
    expect(res?.impact?.baselineDigest).not.toBe(built?.digest);
  });
});

describe('attestations through a fan-out: each platform job pushes an attested index, merge keeps the attestations', () => {
  const repo = freshRepository('attest-fanout');
  const tag = '2.8.0-cpu-py3.12-ubuntu24.04';
  const run = (extra: Record<string, string>): Promise<ActionRun> =>
    runAction(
      node.bin,
      {
        matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\nplatforms: linux/amd64,linux/arm64',
        dockerfile: 'Dockerfile',
        builder: BUILDER,
        image: repo,
        push: 'true',
        cache: 'none',
        provenance: 'true',
        verify: 'false',
        ...extra,
      },
      {
        timeoutMs: 600_000,
        setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), `FROM ${MULTI_BASE}\nRUN uname -m > /machine\n`),
      },
    );

  it('merges two attested platform images into one index holding both images and both attestation manifests', async () => {
    for (const platform of ['linux/amd64', 'linux/arm64']) {
      const r = await run({ command: 'build', platform });
      expect(r.code, r.stdout.slice(-3000)).toBe(0);
      expect(images(r)[0]).toMatchObject({ status: 'built' });
    }
    const merged = await run({ command: 'merge' });
    expect(merged.code, merged.stdout.slice(-3000)).toBe(0);
    const [m] = images(merged);
    expect(m).toMatchObject({ status: 'built', tags: [`${repo}:${tag}`] });
    expect(await registryDigest(repo, tag)).toBe(m?.digest);
    const found = await attested(repo, tag);
    expect(found.platforms).toEqual(['linux/amd64', 'linux/arm64']);
    expect(found.predicates).toEqual({
      'linux/amd64': ['https://slsa.dev/provenance/v0.2'],
      'linux/arm64': ['https://slsa.dev/provenance/v0.2'],
    });
    expect(m?.platforms?.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const p of m?.platforms ?? []) expect(p.size).toBeGreaterThan(10 * 1024 * 1024);
    // and the merged index pulls and runs, per platform
    const machine = (platform: string): string =>
      execFileSync('docker', ['run', '--rm', '--platform', platform, `${repo}:${tag}`, 'cat', '/machine'], { encoding: 'utf8' }).trim();
    expect(machine('linux/arm64')).toBe('aarch64');
    expect(machine('linux/amd64')).toBe('x86_64');
  });
});
