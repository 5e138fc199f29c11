import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReproResult } from '../src/commands/repro.js';
import { BASE_IMAGE, BUILDER, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The reproducibility check on real parts: the committed action bundle under Node 24, BuildKit
// v0.25 behind the buildx remote builder (rewrite-timestamp), the local registry for baselines.
// Images build FROM the debootstrap base; one RUN step installs a Debian package from the mirror.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.4.1\ncuda: cpu\npython: "3.11"';
const TAG = '2.4.1-cpu-py3.11-ubuntu24.04';

function demoPackage(version: string): string {
  return (
    `RUN mkdir -p /usr/lib/python3/dist-packages/demo_pkg-${version}.dist-info \\
 && printf 'Metadata-Version: 2.1\\nName: demo_pkg\\nVersion: ${version}\\n' ` +
    `> /usr/lib/python3/dist-packages/demo_pkg-${version}.dist-info/METADATA\n`
  );
}
const DETERMINISTIC =
  `FROM ${BASE_IMAGE}\nRUN mkdir -p /opt/app && echo "hello" > ` +
  `/opt/app/greeting && chmod 0640 /opt/app/greeting\n${demoPackage('1.0')}`;
const WITH_HELLO =
  `FROM ${BASE_IMAGE}\nRUN mkdir -p /opt/app && echo "hello" > /opt/app/greeting && chmod 0640 /opt/app/greeting\n` +
  `${demoPackage('1.1')}RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends hello ` +
  `>/dev/null && rm -rf /var/lib/apt/lists/* /var/log/apt/* /var/log/dpkg.log /var/cache/ldconfig/aux-cache\n`;
const CLOCK = `FROM ${BASE_IMAGE}\nRUN echo "stable" > /stable\nRUN date +%s%N > /build-time && echo same > /same-every-time\n`;

function run(command: string, dockerfile: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    node.bin,
    { command, matrix: MATRIX, dockerfile: 'Dockerfile', context: 'image', builder: BUILDER, 'source-date-epoch': '1700000000', ...inputs },
    {
      timeoutMs: 600_000,
      setup: (ws) => {
        mkdirSync(path.join(ws, 'image'));
        writeFileSync(path.join(ws, 'image/Dockerfile'), dockerfile);
      },
    },
  );
}

function report(r: ActionRun): ReproResult[] {
  if (!r.outputs['repro-report']) throw new Error(`no repro-report output; the action printed:\n${r.stdout.slice(-4000)}`);
  return JSON.parse(r.outputs['repro-report']) as ReproResult[];
}

beforeAll(() => requireInfra());

describe('repro: determinism on real BuildKit', () => {
  it('gives identical digests for a deterministic Dockerfile across a cached and a no-cache build', async () => {
    const r = await run('repro', DETERMINISTIC, { image: freshRepository('repro-det') });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const [res] = report(r);
    expect(res?.sourceDateEpoch).toBe(1700000000);
    expect(res?.determinism).toMatchObject({ deterministic: true, firstDifferentLayer: null, files: [] });
    expect(res?.determinism?.manifest.a).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res?.determinism?.manifest.a).toBe(res?.determinism?.manifest.b);
    expect(r.summary).toContain('### gpu-image-matrix reproducibility');
  });

  it('reports a Dockerfile that writes the time as not reproducible, naming the layer and the file', async () => {
    const r = await run('repro', CLOCK, { image: freshRepository('repro-clock') });
    expect(r.code).toBe(1);
    const [res] = report(r);
    const d = res!.determinism!;
    expect(d.deterministic).toBe(false);
    expect(d.layers[0]?.same, 'the base layer is the same').toBe(true);
    expect(d.layers[1]?.same, 'the stable RUN layer is the same').toBe(true);
    expect(d.firstDifferentLayer).toBe(2);
    expect(d.files).toEqual([{ path: 'build-time', kind: 'content', a: expect.any(String), b: expect.any(String) }]);
    expect(d.cause).toMatch(/writes different content on each build/);
    expect(r.stdout).toMatch(/::error::reproducibility check \(fail-on: nondeterministic\): an image is not reproducible/);
    const md = r.summary;
    expect(md).toContain(`**${TAG} is not reproducible** (SOURCE_DATE_EPOCH=1700000000)`);
    expect(md).toContain('Layer 2 differs');
    expect(md).toContain('| build-time | content |');
    // The report file a workflow can post as a PR comment holds the same report.
    expect(r.outputs['repro-report-file']).toMatch(/gpu-image-matrix-repro-report\.md$/);
  });

  it('fail-on none reports without failing the step', async () => {
    const r = await run('repro', CLOCK, { image: freshRepository('repro-none'), 'fail-on': 'none' });
    expect(r.code, r.stdout.slice(-2000)).toBe(0);
    expect(report(r)[0]?.determinism?.deterministic).toBe(false);
  });
});

describe('repro: change impact against a baseline image', () => {
  const repo = freshRepository('repro-impact');
  beforeAll(async () => {
    const b = await run('build', DETERMINISTIC, { image: repo, push: 'true' });
    if (b.code !== 0) throw new Error(`baseline build failed:\n${b.stdout.slice(-3000)}`);
  });

  it('lists exactly the added Debian package and the changed Python package, with versions and the size change', async () => {
    const r = await run('repro', WITH_HELLO, { image: repo, baseline: '{image}:{tag}', 'fail-on': 'none' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const [res] = report(r);
    const i = res!.impact!;
    expect(i.baseline).toBe(`${repo}:${TAG}`);
    expect(i.debian).toEqual([{ name: 'hello', kind: 'added', current: expect.stringMatching(/^2\./) }]);
    expect(i.python).toEqual([{ name: 'demo-pkg', kind: 'changed', baseline: '1.0', current: '1.1' }]);
    expect(i.drift).toBe(true);
    expect(i.size.change).toBeGreaterThan(0);
    expect(i.layers.length).toBe(4);
    expect(r.summary).toContain('| hello | debian | added | - |');
    expect(r.summary).toContain('| demo-pkg | python | changed | 1.0 | 1.1 |');
  });

  it('fail-on drift fails on that change; fail-on nondeterministic does not', async () => {
    const drift = await run('repro', WITH_HELLO, { image: repo, baseline: '{image}:{tag}', 'fail-on': 'drift' });
    expect(drift.code).toBe(1);
    expect(drift.stdout).toMatch(/::error::reproducibility check \(fail-on: drift\): an image differs from its baseline/);
    const det = await run('repro', WITH_HELLO, { image: repo, baseline: '{image}:{tag}', 'fail-on': 'nondeterministic' });
    expect(det.code, det.stdout.slice(-2000)).toBe(0);
  });

  it('finds no drift against the image it was built from, and fail-on both passes', async () => {
    const r = await run('repro', DETERMINISTIC, { image: repo, baseline: '{image}:{tag}', 'fail-on': 'both' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    const [res] = report(r);
    expect(res?.impact).toMatchObject({ drift: false, python: [], debian: [] });
  });
});
