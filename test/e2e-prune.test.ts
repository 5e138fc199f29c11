import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { PruneRow } from '../src/prune/plan.js';
import { BASE_IMAGE, BUILDER, REGISTRY, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Retention on the real registry (Distribution 2.8 with deletes enabled): five builds of each of
// two entries leave five content tags per key; prune keeps the newest two per key, the one a team's
// own tag points at, and every other tag; the dry run deletes nothing, apply deletes the rest, and
// what is kept still pulls and runs.

vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: 2.8.0\ncuda: ["12.6", "12.8"]\npython: "3.12"';
const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG CUDA_VARIANT\nARG N\nRUN echo "$CUDA_VARIANT build $N" > /build\n`;

beforeAll(() => requireInfra());

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

async function tagsOf(repository: string): Promise<string[]> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository.replace(`${REGISTRY}/`, '')}/tags/list`);
  return (((await res.json()) as { tags: string[] | null }).tags ?? []).sort();
}

describe('prune: old content tags go, what is in use stays', () => {
  const repo = freshRepository('prune');
  const builds: ImageResult[][] = [];

  it('builds each of two entries five times, one content tag per build (dated by SOURCE_DATE_EPOCH)', async () => {
    for (let n = 1; n <= 5; n++) {
      const run = await runAction(
        node.bin,
        {
          command: 'build',
          matrix: MATRIX,
          dockerfile: 'Dockerfile',
          builder: BUILDER,
          image: repo,
          push: 'true',
          cache: 'none',
          verify: 'false',
          'build-args': `N=${n}`,
        },
        {
          timeoutMs: 600_000,
          env: { SOURCE_DATE_EPOCH: String(1_700_000_000 + n * 86_400) },
          setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE),
        },
      );
      expect(run.code, run.stdout.slice(-3000)).toBe(0);
      builds.push(images(run));
    }
    // The team pins the first build of cu126 under a tag of its own.
    const first = builds[0]![0]!;
    execFileSync('docker', ['buildx', 'imagetools', 'create', '--builder', BUILDER, '-t', `${repo}:release-1`, first.contentTag], {
      stdio: 'pipe',
    });
    expect((await tagsOf(repo)).filter((t) => t.startsWith('gim-'))).toHaveLength(10);
  });

  const prune = (extra: Record<string, string>): Promise<ActionRun> =>
    runAction(node.bin, { command: 'prune', image: repo, keep: '2', ...extra }, { timeoutMs: 300_000 });

  it('dry run: lists what would go and why, deletes nothing', async () => {
    const before = await tagsOf(repo);
    const run = await prune({});
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const rows = JSON.parse(run.outputs['prune-results'] ?? '[]') as PruneRow[];
    const going = rows.filter((r) => r.action === 'delete').map((r) => r.tag);
    const contentTag = (build: number, entry: number): string => builds[build - 1]![entry]!.contentTag.split(':').pop()!;
    // builds 2 and 3 of both keys; build 1 of cu126 is in use (release-1), build 1 of cu128 is not
    expect(going.sort()).toEqual([contentTag(1, 1), contentTag(2, 0), contentTag(2, 1), contentTag(3, 0), contentTag(3, 1)].sort());
    expect(rows.find((r) => r.tag === contentTag(1, 0))).toMatchObject({ action: 'keep', reason: expect.stringMatching(/^in use/) });
    expect(rows.find((r) => r.tag === contentTag(5, 1))).toMatchObject({
      action: 'keep',
      created: new Date((1_700_000_000 + 5 * 86_400) * 1000).toISOString(),
    });
    for (const t of ['release-1', '2.8.0-cu126-py3.12-ubuntu24.04', '2.8.0-cu128-py3.12-ubuntu24.04']) {
      expect(
        rows.find((r) => r.tag === t),
        t,
      ).toMatchObject({ action: 'keep', reason: 'not a content tag' });
    }
    expect(run.stdout).toMatch(/dry run: 5 of \d+ tags \(5 manifests\) would be deleted/);
    expect(run.summary).toContain('would be deleted (dry run: prune-apply is false)');
    expect(await tagsOf(repo)).toEqual(before);
  });

  it('apply: deletes exactly those; the entry tags, the pinned build and the newest builds still pull and run', async () => {
    const run = await prune({ 'prune-apply': 'true' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toMatch(/deleted 5 of 5 manifests of /);
    const after = await tagsOf(repo);
    const contentTags = after.filter((t) => t.startsWith('gim-'));
    expect(contentTags).toHaveLength(5);
    // release-1 is an index (imagetools create writes one) over build 1's image: that image stayed
    execFileSync('docker', ['pull', '-q', `${repo}:release-1`], { stdio: 'pipe' });
    expect(execFileSync('docker', ['run', '--rm', `${repo}:release-1`, 'cat', '/build'], { encoding: 'utf8' })).toMatch(/cu126 build 1/);
    for (const entry of builds[4]!) {
      expect(await registryDigest(repo, entry.tag)).toBe(entry.digest);
      const ref = `${repo}:${entry.tag}`;
      execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe' });
      expect(execFileSync('docker', ['run', '--rm', ref, 'cat', '/build'], { encoding: 'utf8' })).toMatch(/build 5/);
    }
    // a second run finds nothing more to delete
    const again = await prune({ 'prune-apply': 'true' });
    expect((JSON.parse(again.outputs['prune-results'] ?? '[]') as PruneRow[]).filter((r) => r.action === 'delete')).toEqual([]);
  });

  it('refuses bad settings clearly, before asking the registry', async () => {
    const run = await runAction(node.bin, { command: 'prune', image: repo, keep: '0' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::input keep: "0" is not valid; accepted: a whole number from 1 to 1000 (default 3)');
    const none = await runAction(node.bin, { command: 'prune' });
    expect(none.stdout).toContain('::error::input image is required');
  });
});
