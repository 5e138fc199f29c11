import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import type { MatrixEntry } from '../src/frameworks/index.js';
import { BASE_IMAGE, BUILDER, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Tag policy on the real registry: run placeholders from the runner's variables and event payload,
// aliases decided over the plan and written by the entries they pick, moved by a fan-out leg.

vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: ["2.7", "2.8"]\ncuda: ["12.6", "12.8"]\npython: "3.12"';
// Each entry's own image: the build-args differ per entry.
const DOCKERFILE = `FROM ${BASE_IMAGE}\nARG TORCH_VERSION\nARG CUDA_VARIANT\nRUN echo "$TORCH_VERSION $CUDA_VARIANT" > /entry\n`;
const SHA = 'c0ffee1234567890c0ffee1234567890c0ffee12';

beforeAll(() => requireInfra());

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

describe('tag policy: run placeholders and aliases', () => {
  const repo = freshRepository('tags');
  const base = { dockerfile: 'Dockerfile', builder: BUILDER, image: repo, push: 'true', verify: 'false', cache: 'none' };
  const action = (inputs: Record<string, string>, env: NodeJS.ProcessEnv): Promise<ActionRun> =>
    runAction(
      node.bin,
      { ...base, ...inputs },
      { timeoutMs: 600_000, env, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), DOCKERFILE) },
    );
  const digests = new Map<string, string>();

  it('writes {sha}, {ref} and {date} tags and the aliases; a {pr} line is left out of a push run, and said so', async () => {
    const run = await action(
      {
        command: 'build',
        matrix: MATRIX,
        tags: '{tag}-{sha}\n{tag}-{ref}\nnightly-{date}-{cudaVariant}-{torchMinor}\npr-{pr}-{tag}',
        aliases: 'latest: {torch: latest, cuda: default}\n"{torchMinor}-cuda{cudaMajor}": {torch: latest, cuda: latest}',
      },
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/feature/Fast' },
    );
    expect(run.code, run.stdout.slice(-4000)).toBe(0);
    const built = images(run);
    expect(built.map((r) => r.status)).toEqual(['built', 'built', 'built', 'built']);
    for (const r of built) digests.set(r.tag, r.digest as string);
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    const newest = built.find((r) => r.tag === '2.8.0-cu128-py3.12-ubuntu24.04')!;
    expect(newest.tags).toEqual([
      `${repo}:2.8.0-cu128-py3.12-ubuntu24.04`,
      `${repo}:2.8.0-cu128-py3.12-ubuntu24.04-c0ffee1`,
      `${repo}:2.8.0-cu128-py3.12-ubuntu24.04-feature-Fast`,
      `${repo}:nightly-${today}-cu128-2.8`,
      `${repo}:latest`,
      `${repo}:2.8-cuda12`,
    ]);
    for (const ref of newest.tags) expect(await registryDigest(repo, ref.split(':').pop()!), ref).toBe(newest.digest);
    expect(await registryDigest(repo, '2.7-cuda12')).toBe(digests.get('2.7.1-cu128-py3.12-ubuntu24.04'));
    expect(run.stdout).toContain('tags line 4 (pr-{pr}-{tag}) is not written in this run: it has no {pr}');
    const matrix = JSON.parse(run.outputs.matrix ?? '{}') as { include: MatrixEntry[] };
    expect(matrix.include.filter((e) => e.aliases).map((e) => [e.tag, e.aliases])).toEqual([
      ['2.8.0-cu128-py3.12-ubuntu24.04', ['latest', '2.8-cuda12']],
      ['2.7.1-cu128-py3.12-ubuntu24.04', ['2.7-cuda12']],
    ]);
  });

  it('in a pull request (the number from the event payload), writes the {pr} and {ref} lines for the up-to-date image', async () => {
    // pull_request_target: GITHUB_REF is the base branch, so the number can only come from the event
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'gim-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'opened', pull_request: { number: 9 } }));
    const run = await action(
      { command: 'build', matrix: 'torch: "2.8"\ncuda: "12.8"\npython: "3.12"', tags: 'pr-{pr}-{tag}\n{tag}-{ref}' },
      { GITHUB_SHA: SHA, GITHUB_REF: 'refs/heads/main', GITHUB_EVENT_NAME: 'pull_request_target', GITHUB_EVENT_PATH: event },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [r] = images(run);
    expect(r).toMatchObject({ status: 'skipped', digest: digests.get('2.8.0-cu128-py3.12-ubuntu24.04') });
    for (const tag of ['pr-9-2.8.0-cu128-py3.12-ubuntu24.04', '2.8.0-cu128-py3.12-ubuntu24.04-pr-9']) {
      expect(await registryDigest(repo, tag), tag).toBe(r?.digest);
    }
  });

  it('moves an alias from a fan-out leg: the entry carries it, and an up-to-date build points it there', async () => {
    const plan = await action({ command: 'plan', matrix: MATRIX, aliases: 'latest: {torch: "2.7", cuda: cu126}' }, {});
    expect(plan.code, plan.stdout.slice(-3000)).toBe(0);
    const entry = (JSON.parse(plan.outputs.matrix ?? '{}') as { include: MatrixEntry[] }).include.find((e) => e.aliases)!;
    expect(entry).toMatchObject({ tag: '2.7.1-cu126-py3.12-ubuntu24.04', aliases: ['latest'] });
    const leg = await action({ command: 'build', entry: JSON.stringify(entry) }, {});
    expect(leg.code, leg.stdout.slice(-3000)).toBe(0);
    expect(images(leg)[0]).toMatchObject({ status: 'skipped', digest: digests.get(entry.tag) });
    expect(await registryDigest(repo, 'latest')).toBe(digests.get(entry.tag));
  });
});
