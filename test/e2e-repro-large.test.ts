import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReproResult } from '../src/commands/repro.js';
import { BASE_IMAGE, BUILDER, freshRepository, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// repro with a baseline on an image with a large layer, on real parts: the committed action bundle
// under Node 24, BuildKit v0.25 behind the buildx remote builder, the local registry. The layer holds
// 330 MB of numbers (`seq`, about 4:1 under gzip, so the registry serves some 75 MB of it); it is
// read as a stream from the registry (the baseline) and from the OCI layouts (the two builds). The
// 3 GiB case, and memory, are in the benchmark (npm run bench:layers, BENCHMARKS.md): too slow for
// every run of the suite on two cores.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.4.1\ncuda: cpu\npython: "3.11"';
const TAG = '2.4.1-cpu-py3.11-ubuntu24.04';

function dockerfile(demoVersion: string): string {
  const info = `/usr/lib/python3/dist-packages/demo_pkg-${demoVersion}.dist-info`;
  return (
    `FROM ${BASE_IMAGE}\n` +
    // The numbers are the same on every build; the time is not: the two builds differ in this layer by one file.
    `RUN mkdir -p /opt/big && seq 1 38000000 > /opt/big/numbers && date +%s%N > /opt/big/built-at\n` +
    `RUN mkdir -p ${info} && printf 'Metadata-Version: 2.1\\nName: demo_pkg\\nVersion: ${demoVersion}\\n' > ${info}/METADATA\n`
  );
}

function run(command: string, file: string, inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    node.bin,
    { command, matrix: MATRIX, dockerfile: 'Dockerfile', context: 'image', builder: BUILDER, 'source-date-epoch': '1700000000', ...inputs },
    {
      timeoutMs: 600_000,
      setup: (ws) => {
        mkdirSync(path.join(ws, 'image'));
        writeFileSync(path.join(ws, 'image/Dockerfile'), file);
      },
    },
  );
}

beforeAll(() => requireInfra());

describe('repro: a large layer, read as a stream from the registry and the OCI layouts', () => {
  const repo = freshRepository('repro-large');
  beforeAll(async () => {
    const b = await run('build', dockerfile('1.0'), { image: repo, push: 'true' });
    if (b.code !== 0) throw new Error(`baseline build failed:\n${b.stdout.slice(-3000)}`);
  }, 600_000);

  it('compares the two builds file by file in the 330 MB layer and reports the package change against the baseline', async () => {
    const r = await run('repro', dockerfile('1.1'), { image: repo, baseline: '{image}:{tag}', 'fail-on': 'none' });
    expect(r.code, r.stdout.slice(-3000)).toBe(0);
    if (!r.outputs['repro-report']) throw new Error(`no repro-report output:\n${r.stdout.slice(-3000)}`);
    const [res] = JSON.parse(r.outputs['repro-report']) as ReproResult[];
    expect(res?.status, res?.error).toBe('checked');
    const d = res!.determinism!;
    expect(d.firstDifferentLayer).toBe(1);
    expect(d.filesNote).toBeUndefined();
    expect(d.files).toEqual([{ path: 'opt/big/built-at', kind: 'content', a: '20', b: '20' }]);
    const i = res!.impact!;
    expect(i.baseline).toBe(`${repo}:${TAG}`);
    expect(i.python).toEqual([{ name: 'demo-pkg', kind: 'changed', baseline: '1.0', current: '1.1' }]);
    expect(i.debian).toEqual([]);
    expect(i.layers[1]?.baseline, 'the compressed size of the large layer').toBeGreaterThan(50 * 1024 * 1024);
  }, 600_000);
});
