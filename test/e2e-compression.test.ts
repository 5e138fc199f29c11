import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { ReproResult } from '../src/commands/repro.js';
import { BASE_IMAGE, BUILDER, REGISTRY, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// zstd layers on real parts: BuildKit v0.25 compresses what it builds (and with force-compression
// the base's layers too), the registry holds them, and the readers here read them back: skip-existing,
// size, and repro's layer comparison and change impact (the action runs on Node 24, which has zstd).

vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.8.0\ncuda: cpu\npython: "3.12"';
const TAG = '2.8.0-cpu-py3.12-ubuntu24.04';
// Text that compresses, as libraries do, in a layer of its own.
const DOCKERFILE = [
  `FROM ${BASE_IMAGE}`,
  'ARG NONCE',
  'RUN echo "$NONCE" > /nonce; find /usr -type f | sort | xargs cat > /blob 2>/dev/null; gzip -c /blob | head -c 4000000 > /blob.gz',
  '',
].join('\n');

beforeAll(() => requireInfra());

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

async function layerTypes(repository: string, tag: string): Promise<string[]> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository.replace(`${REGISTRY}/`, '')}/manifests/${tag}`, {
    headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
  });
  return ((await res.json()) as { layers: { mediaType: string }[] }).layers.map((l) =>
    l.mediaType.replace(/^application\/vnd\.(oci\.image|docker\.image\.rootfs)\./, ''),
  );
}

describe('compression: zstd', () => {
  const repo = freshRepository('zstd');
  const action = (inputs: Record<string, string>): Promise<ActionRun> =>
    runAction(
      node.bin,
      { matrix: MATRIX, dockerfile: 'Dockerfile', builder: BUILDER, image: repo, push: 'true', cache: 'none', verify: 'false', ...inputs },
      { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE) },
    );
  let gzip: ImageResult | undefined;
  let zstd: ImageResult | undefined;

  it('pushes the layer it builds as zstd, keeps the base layer gzip, under a content tag of its own', async () => {
    // A layer BuildKit has not made before: one it has cached keeps the compression it was made with.
    const nonce = `NONCE=${randomBytes(6).toString('hex')}`;
    const z = await action({ command: 'build', compression: 'zstd:3', 'build-args': nonce });
    expect(z.code, z.stdout.slice(-3000)).toBe(0);
    [zstd] = images(z);
    expect(zstd).toMatchObject({ status: 'built' });
    expect(await registryDigest(repo, TAG)).toBe(zstd?.digest);
    expect(await layerTypes(repo, TAG)).toEqual([expect.stringMatching(/gzip$/), expect.stringMatching(/zstd$/)]);
    expect(zstd?.size).toBeGreaterThan(1_000_000);
    const again = await action({ command: 'build', compression: 'zstd:3', 'build-args': nonce });
    expect(images(again)[0]).toMatchObject({ status: 'skipped', digest: zstd?.digest });
    // the same build with gzip is another content tag
    const g = await action({ command: 'build', 'build-args': nonce });
    expect(g.code, g.stdout.slice(-3000)).toBe(0);
    [gzip] = images(g);
    expect(gzip?.contentTag).not.toBe(zstd?.contentTag);
  });

  it('force-compression recompresses every layer, the base and the cached ones too', async () => {
    const run = await action({ command: 'build', compression: 'zstd', 'force-compression': 'true' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(await layerTypes(repo, TAG)).toEqual([expect.stringMatching(/zstd$/), expect.stringMatching(/zstd$/)]);
  });

  it('repro compares zstd layers file by file, and reads a zstd baseline for the change impact', async () => {
    const run = await action({
      command: 'repro',
      compression: 'zstd',
      'force-compression': 'true',
      baseline: '{image}:{tag}',
      'source-date-epoch': '0',
      'fail-on': 'none',
    });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [res] = JSON.parse(run.outputs['repro-report'] ?? '[]') as ReproResult[];
    expect(res).toMatchObject({ status: 'checked' });
    expect(res?.determinism?.layers?.length).toBe(2);
    expect(res?.impact?.baseline).toBe(`${repo}:${TAG}`);
    expect(res?.impact?.debian.length ?? 0).toBe(0);
  });
});
