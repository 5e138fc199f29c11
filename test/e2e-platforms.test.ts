import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { ReproResult } from '../src/commands/repro.js';
import type { SmokeResult } from '../src/commands/smoke.js';
import type { EntryVerdict } from '../src/verify/check.js';
import { BASE_IMAGE, BUILDER, DEBIAN_TORCH_COMPAT, REGISTRY, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Multi-platform images on real parts: the committed action bundle under Node 24, BuildKit v0.25
// behind the buildx remote builder, the local registry, and linux/arm64 through QEMU user-mode
// emulation (binfmt_misc), as ../shared/tools/arm64-base.sh sets it up (scripts/infra.sh runs it).
// Images build FROM the two-platform index debian-multi:bookworm; each RUN step writes `uname -m`,
// so an image says which platform it really ran its build steps on.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MULTI_BASE = `${REGISTRY}/debian-multi:bookworm`;
const MATRIX = 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\nplatforms: [linux/amd64, linux/arm64]';
const TAG = '2.8.0-cpu-py3.12-ubuntu24.04';
const DOCKERFILE = `FROM ${MULTI_BASE}\nARG TORCH_VERSION\nRUN uname -m > /machine && echo "torch \${TORCH_VERSION}" > /torch-version\n`;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const DOCKER_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

function run(inputs: Record<string, string>, dockerfile = DOCKERFILE): Promise<ActionRun> {
  return runAction(
    node.bin,
    { matrix: MATRIX, dockerfile: 'Dockerfile', context: 'image', builder: BUILDER, ...inputs },
    {
      timeoutMs: 600_000,
      setup: (ws) => {
        mkdirSync(path.join(ws, 'image'));
        writeFileSync(path.join(ws, 'image/Dockerfile'), dockerfile);
      },
    },
  );
}

function images(r: ActionRun): ImageResult[] {
  if (!r.outputs.images) throw new Error(`no images output; the action printed:\n${r.stdout.slice(-4000)}`);
  return JSON.parse(r.outputs.images) as ImageResult[];
}

/** The platforms of the index a tag holds, read from the registry ([] when it is not an index). */
async function platformsAt(repository: string, tag: string): Promise<string[]> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository.replace(`${REGISTRY}/`, '')}/manifests/${tag}`, {
    headers: { Accept: `${INDEX}, ${DOCKER_LIST}, application/vnd.oci.image.manifest.v1+json` },
  });
  if (!res.ok) return [];
  const doc = (await res.json()) as { manifests?: { platform?: { os: string; architecture: string } }[] };
  return (doc.manifests ?? []).map((m) => `${m.platform?.os}/${m.platform?.architecture}`).filter((p) => p !== 'unknown/unknown');
}

/** What `uname -m` said in the image's build step, for one platform of the tag. */
function machineOf(ref: string, platform: string): string {
  execFileSync('docker', ['pull', '-q', '--platform', platform, ref], { stdio: 'pipe' });
  return execFileSync('docker', ['run', '--rm', '--platform', platform, ref, 'cat', '/machine'], { encoding: 'utf8' }).trim();
}

beforeAll(() => requireInfra());

describe('platforms: one job builds every platform of an entry into one index', () => {
  const repo = freshRepository('multi');
  let first: ImageResult | undefined;

  it('pushes an index with linux/amd64 and linux/arm64 under the entry tag and the content tag', async () => {
    const r = await run({ command: 'build', image: repo, push: 'true', cache: 'none' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    [first] = images(r);
    expect(first).toMatchObject({ tag: TAG, status: 'built', imageId: null });
    expect(await platformsAt(repo, TAG)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(await registryDigest(repo, TAG)).toBe(first?.digest);
    expect(await registryDigest(repo, first!.contentTag.split(':').pop()!)).toBe(first?.digest);
    expect(first?.platforms?.map((p) => p.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    for (const p of first?.platforms ?? []) expect(p.size).toBeGreaterThan(10 * 1024 * 1024);
    expect(first?.size).toBe((first?.platforms ?? []).reduce((t, p) => t + (p.size ?? 0), 0));
    expect(r.summary).toMatch(/\| image \| platform \| digest \| size \|/);
    expect(r.stdout).toMatch(/::warning::linux\/arm64 is built under emulation on this linux\/amd64 runner \(QEMU\)/);
    // Each half really ran its build step on its own machine (arm64 under emulation).
    expect(machineOf(`${repo}:${TAG}`, 'linux/arm64')).toBe('aarch64');
    expect(machineOf(`${repo}:${TAG}`, 'linux/amd64')).toBe('x86_64');
  });

  it('skips the entry on a re-run, reporting each platform of the index', async () => {
    const r = await run({ command: 'build', image: repo, push: 'true', cache: 'none' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const [again] = images(r);
    expect(again).toMatchObject({ status: 'skipped', digest: first?.digest });
    expect(again?.platforms?.map((p) => [p.platform, p.digest])).toEqual(first?.platforms?.map((p) => [p.platform, p.digest]));
    expect(r.stdout).not.toMatch(/buildx build/);
  });

  it('builds without pushing, and says why nothing is loaded', async () => {
    const r = await run({ command: 'build', image: freshRepository('multi-local'), push: 'false', cache: 'none' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    expect(images(r)[0]?.status).toBe('built');
    expect(r.stdout).toMatch(/docker's image store holds one platform of an image, so the result is not loaded/);
    // all: nothing was loaded, so nothing is run; said, not failed
    const all = await run({
      command: 'all',
      image: freshRepository('multi-local'),
      push: 'false',
      cache: 'none',
      smoke: 'true',
      'expect-gpu': 'false',
    });
    expect(all.code, all.stdout.slice(-3000)).toBe(0);
    expect(all.stdout).toContain(`${TAG}: not smoke-tested: built for several platforms without push, so not loaded`);
  });
});

describe('platforms: a fan-out job per platform, then merge', () => {
  const repo = freshRepository('fanout');

  it('pushes one platform under its own tag only; merge refuses while a platform is missing, naming it', async () => {
    const arm = await run({ command: 'build', image: repo, push: 'true', cache: 'none', platform: 'linux/arm64' });
    expect(arm.code, arm.stdout.slice(-3000)).toBe(0);
    const [built] = images(arm);
    expect(built).toMatchObject({ status: 'built', tags: [] });
    expect(built?.contentTag).toMatch(/:gim-[0-9a-f]{12}-[0-9a-f]{16}-linux-arm64$/);
    expect(await registryDigest(repo, TAG), 'no entry tag before merge').toBeNull();
    expect(machineOf(built!.contentTag, 'linux/arm64')).toBe('aarch64');

    const early = await run({ command: 'merge', image: repo, push: 'true' });
    expect(early.code).toBe(1);
    expect(images(early)[0]?.error).toMatch(/^no image yet for linux\/amd64 \(.*-linux-amd64\): run the build for each platform first/);
    expect(await registryDigest(repo, TAG)).toBeNull();
  });

  it('merges both platforms into one index under the entry tag and the content tag', async () => {
    const amd = await run({ command: 'build', image: repo, push: 'true', cache: 'none', platform: 'linux/amd64' });
    expect(amd.code, amd.stdout.slice(-3000)).toBe(0);
    const merged = await run({ command: 'merge', image: repo, push: 'true' });
    expect(merged.code, merged.stdout.slice(-3000)).toBe(0);
    const [m] = images(merged);
    expect(m).toMatchObject({ status: 'built', tags: [`${repo}:${TAG}`] });
    expect(await platformsAt(repo, TAG)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(await registryDigest(repo, TAG)).toBe(m?.digest);
    expect(await registryDigest(repo, m!.contentTag.split(':').pop()!)).toBe(m?.digest);
    expect(machineOf(`${repo}:${TAG}`, 'linux/arm64')).toBe('aarch64');
    expect(machineOf(`${repo}:${TAG}`, 'linux/amd64')).toBe('x86_64');
    // merge scans each platform image of the index it wrote for libraries held twice (the legs' results are not its own)
    expect(m?.platforms?.map((p) => [p.platform, Array.isArray(p.duplicates)])).toEqual([
      ['linux/amd64', true],
      ['linux/arm64', true],
    ]);
    expect(m?.duplicates).toEqual(m?.platforms?.[0]?.duplicates);
    expect(merged.stdout).toContain(`${TAG}: duplicate scan of linux/arm64: `);

    // The one-job build of the same inputs finds the merged index up to date: the content hash is the same.
    const one = await run({ command: 'build', image: repo, push: 'true', cache: 'none' });
    expect(images(one)[0]).toMatchObject({ status: 'skipped', digest: m?.digest });
    // A fan-out leg and merge re-run find it too, and write nothing.
    const leg = await run({ command: 'build', image: repo, push: 'true', cache: 'none', platform: 'linux/arm64' });
    expect(images(leg)[0]).toMatchObject({ status: 'skipped' });
    expect(leg.stdout).toMatch(/every platform merged/);
    const again = await run({ command: 'merge', image: repo, push: 'true' });
    expect(images(again)[0]).toMatchObject({ status: 'skipped', digest: m?.digest });
  });

  it('with skip-existing false, rebuilds a platform and merges again from the images there now', async () => {
    const before = await registryDigest(repo, TAG);
    const changed = DOCKERFILE.replace('uname -m > /machine', 'uname -m > /machine && date +%s%N > /built-at');
    // The Dockerfile's text is in the content hash: a changed one is another content tag. The same text
    // rebuilt without skipping pushes new layers (the time) under the same platform tag.
    const rebuild = async (platform: string) =>
      images(await run({ command: 'build', image: repo, push: 'true', cache: 'none', platform, 'skip-existing': 'false' }, changed))[0];
    expect((await rebuild('linux/arm64'))?.status).toBe('built');
    expect((await rebuild('linux/amd64'))?.status).toBe('built');
    const first = images(await run({ command: 'merge', image: repo, push: 'true' }, changed))[0];
    expect(first?.status).toBe('built');
    const arm = await rebuild('linux/arm64');
    const remerged = images(await run({ command: 'merge', image: repo, push: 'true', 'skip-existing': 'false' }, changed))[0];
    expect(remerged?.status, 'merged again, not skipped').toBe('built');
    expect(remerged?.platforms?.find((p) => p.platform === 'linux/arm64')?.digest).toBe(arm?.digest);
    expect(remerged?.digest).not.toBe(first?.digest);
    expect(await registryDigest(repo, TAG)).toBe(remerged?.digest);
    expect(before).not.toBe(remerged?.digest);
  });

  it('a job of one platform leaves the entries not built for it to the others', async () => {
    const spec =
      'torch: [2.8.0, 2.6.0]\ncuda: cpu\npython: "3.12"\nplatforms: [linux/amd64, linux/arm64]\n' +
      'include:\n  - {torch: 2.6.0, platforms: [linux/amd64]}';
    const r = await run({
      command: 'build',
      matrix: spec,
      image: freshRepository('fanout-mixed'),
      push: 'true',
      cache: 'none',
      platform: 'linux/arm64',
    });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    expect(images(r).map((x) => [x.tag, x.status, x.error ?? null])).toEqual([
      ['2.8.0-cpu-py3.12-ubuntu24.04', 'built', null],
      ['2.6.0-cpu-py3.12-ubuntu24.04', 'skipped', 'not built for linux/arm64'],
    ]);
  });
});

describe('platforms: verify checks the base image for each platform', () => {
  const verify = async (base: string): Promise<EntryVerdict | undefined> => {
    const r = await runAction(node.bin, {
      command: 'verify',
      matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\nplatforms: linux/amd64,linux/arm64',
      'base-image': base,
    });
    if (!r.outputs['verify-results']) throw new Error(r.stdout.slice(-3000));
    return (JSON.parse(r.outputs['verify-results']) as EntryVerdict[])[0];
  };
  it('finds both platforms in the two-platform index', async () => {
    expect(await verify(MULTI_BASE)).toMatchObject({ status: 'ok', missing: [], checked: 2, confirmed: 2 });
  });
  it('says the linux/amd64-only base has no linux/arm64 image', async () => {
    const v = await verify(BASE_IMAGE);
    expect(v?.status).toBe('missing');
    expect(v?.missing).toEqual([`linux/arm64: base image ${BASE_IMAGE} is a linux/amd64 image only, not linux/arm64`]);
  });
});

describe('platforms: repro of a linux/arm64 entry', () => {
  it('builds the arm64 image twice under emulation and finds it deterministic', async () => {
    const r = await run({
      command: 'repro',
      image: freshRepository('multi-repro'),
      matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\nplatforms: linux/arm64',
      'source-date-epoch': '1700000000',
    });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const [res] = JSON.parse(r.outputs['repro-report'] ?? '[]') as ReproResult[];
    expect(res).toMatchObject({ platform: 'linux/arm64', status: 'checked' });
    expect(res?.determinism?.deterministic).toBe(true);
  });
});

describe('platforms: CPU smoke check of each platform, with real torch', () => {
  // Debian's python3-torch 1.13 for both platforms (scripts/infra.sh: debian-torch-multi:bookworm,
  // the arm64 half installed under emulation), as release data that says torch 1.13 has aarch64 CPU wheels.
  const compat = JSON.parse(DEBIAN_TORCH_COMPAT) as { torch: Record<string, unknown>[] };
  compat.torch[0]!.arm64 = { variants: ['cpu'] };
  const matrix = 'torch: 1.13.0\ncuda: cpu\npython: "3.11"\nplatforms: linux/amd64,linux/arm64';
  const tag = '1.13.0-cpu-py3.11-ubuntu24.04';

  it("runs the check in each platform's image (arm64 emulated) and reports a row per platform", async () => {
    const repo = freshRepository('multi-smoke');
    execFileSync(
      'docker',
      ['buildx', 'imagetools', 'create', '--builder', BUILDER, '-t', `${repo}:${tag}`, `${REGISTRY}/debian-torch-multi:bookworm`],
      {
        stdio: 'pipe',
      },
    );
    const r = await runAction(
      node.bin,
      { command: 'smoke', matrix, image: repo, 'expect-gpu': 'false', 'compat-file': 'compat.json', 'smoke-timeout': '900' },
      { timeoutMs: 1_000_000, setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), JSON.stringify(compat)) },
    );
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const rows = JSON.parse(r.outputs['smoke-results'] ?? '[]') as SmokeResult[];
    expect(rows.map((x) => [x.platform, x.status, x.mode, x.report?.machine, x.report?.torch])).toEqual([
      ['linux/amd64', 'passed', 'cpu', 'x86_64', expect.stringMatching(/^1\.13\./)],
      ['linux/arm64', 'passed', 'cpu', 'aarch64', expect.stringMatching(/^1\.13\./)],
    ]);
    expect(r.summary).toContain(`${tag} (linux/arm64)`);
  }, 1_000_000);
});
