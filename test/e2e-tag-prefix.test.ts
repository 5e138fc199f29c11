import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { BASE_IMAGE, BUILDER, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// What the reusable workflow does for a pull request from its own repository, end to end on real
// parts: the committed action bundle under Node 24, BuildKit behind the buildx remote builder
// bk-remote, and the Distribution registry on 127.0.0.1:5000 (support/infra.ts). A build with
// tag-prefix pr-12- writes <image>:pr-12-<tag> and never <image>:<tag>; the release build that
// follows on the default branch finds the same content tag and points the release tag at it.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.4.1\ncuda: cpu\npython: "3.11"';
const TAG = '2.4.1-cpu-py3.11-ubuntu24.04';
const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG TORCH_VERSION\nRUN echo "torch \${TORCH_VERSION}" > /torch-version\n`;

function build(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    node.bin,
    { command: 'build', matrix: MATRIX, dockerfile: 'Dockerfile', context: 'image', builder: BUILDER, push: 'true', ...inputs },
    {
      setup: (ws) => {
        mkdirSync(path.join(ws, 'image'));
        writeFileSync(path.join(ws, 'image/Dockerfile'), DOCKERFILE);
      },
      timeoutMs: 600_000,
    },
  );
}

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

beforeAll(() => requireInfra());

describe('tag-prefix on real BuildKit and a real registry', () => {
  const repo = freshRepository('prefix');
  let pr: ImageResult | undefined;

  it('pushes the PR-scoped tags and the content tag, and no release tag', async () => {
    const run = await build({ image: repo, 'tag-prefix': 'pr-12-', tags: '{tag}-dev' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    [pr] = images(run);
    expect(pr?.status).toBe('built');
    expect(pr?.tags).toEqual([`${repo}:pr-12-${TAG}`, `${repo}:pr-12-${TAG}-dev`]);
    expect(pr?.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await registryDigest(repo, `pr-12-${TAG}`)).toBe(pr?.digest);
    expect(await registryDigest(repo, `pr-12-${TAG}-dev`)).toBe(pr?.digest);
    expect(pr?.contentTag).toMatch(new RegExp(`:gim-${pr?.key}-[0-9a-f]{16}$`));
    expect(await registryDigest(repo, pr!.contentTag.split(':').pop()!)).toBe(pr?.digest);
    expect(await registryDigest(repo, TAG), 'the release tag').toBeNull();
    expect(await registryDigest(repo, `${TAG}-dev`), 'the release extra tag').toBeNull();
  });

  it('lets the release build of the same inputs find the content tag and point the release tags at that image', async () => {
    const run = await build({ image: repo, tags: '{tag}-dev' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [release] = images(run);
    expect(release?.status).toBe('skipped');
    expect(release?.contentTag).toBe(pr?.contentTag);
    expect(release?.tags).toEqual([`${repo}:${TAG}`, `${repo}:${TAG}-dev`]);
    expect(await registryDigest(repo, TAG)).toBe(pr?.digest);
    expect(await registryDigest(repo, `pr-12-${TAG}`)).toBe(pr?.digest);
  });
});
