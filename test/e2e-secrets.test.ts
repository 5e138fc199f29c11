import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import {
  BASE_IMAGE,
  BUILDER,
  DEBIAN_TORCH_COMPAT,
  REGISTRY,
  freshRepository,
  registryContents,
  requireInfra,
  TORCH_IMAGE,
  TORCH_PIP_IMAGE,
  pushTorchPipImage,
} from './support/infra.js';
import { buildWheels, servePipIndex, type PipIndex } from './support/pip-index.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Build secrets end to end on real parts: the committed bundle under Node 24, dockerd, BuildKit
// v0.25, the registry, and a private PEP 503 index served by this process that answers 401 without
// HTTP basic credentials. The template's pip-packages step reads them from the pip secret (a netrc
// file); a Dockerfile of the team's own reads a value secret. Then the secret is looked for in the
// log, the outputs, the job summary, every blob of the image and every blob of the registry cache.

vi.setConfig({ testTimeout: 600_000 });

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const BASE = TORCH_PIP_IMAGE;
// Fresh per run, so that nothing from an earlier run can hide a leak or fake a pass.
const PASSWORD = `pw-${randomBytes(12).toString('hex')}`;
const TOKEN = `tok-${randomBytes(12).toString('hex')}`;

let scratch = '';
let index: PipIndex;
let netrc = '';

beforeAll(async () => {
  requireInfra();
  scratch = mkdtempSync(path.join(tmpdir(), 'gim-secrets-'));
  // The base image: Debian's torch with pip added (pytorch/pytorch and NGC images bring pip too).
  pushTorchPipImage(scratch);
  const wheels = path.join(scratch, 'wheels');
  buildWheels(
    wheels,
    [
      { name: 'private-pkg', version: '2.0' },
      { name: 'other-pkg', version: '1.0' },
    ],
    TORCH_IMAGE,
  );
  index = await servePipIndex(wheels, { user: 'gim-user', password: PASSWORD });
  // Outside the workspace, as a workflow step writes one to RUNNER_TEMP.
  netrc = path.join(scratch, 'netrc');
  writeFileSync(netrc, `machine 127.0.0.1\nlogin gim-user\npassword ${PASSWORD}\n`, { mode: 0o600 });
}, 900_000);

afterAll(async () => {
  await index?.close();
  rmSync(scratch, { recursive: true, force: true });
});

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

/** The log without the runner's own masking commands (which carry the value to the runner by design). */
function logLines(run: ActionRun): string {
  return run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
}

async function tagsOf(repository: string): Promise<string[]> {
  const res = await fetch(`http://${REGISTRY}/v2/${repository.replace(`${REGISTRY}/`, '')}/tags/list`);
  return ((await res.json()) as { tags: string[] }).tags;
}

/** Every tag of the repository (the entry's, the content tag, the cache ref), each blob searched for the needle. */
async function foundInRegistry(repository: string, needle: string): Promise<{ tags: string[]; blobs: number; hits: string[] }> {
  const tags = await tagsOf(repository);
  let blobs = 0;
  const hits: string[] = [];
  for (const tag of tags) {
    for (const b of await registryContents(repository, tag)) {
      blobs++;
      if (b.includes(needle)) hits.push(tag);
    }
  }
  return { tags, blobs, hits };
}

/** The embedded template FROM Debian's torch with pip, installing the team's packages from the private index. */
function templateBuild(inputs: Record<string, string>): Promise<ActionRun> {
  return runAction(
    node.bin,
    {
      command: 'build',
      matrix: 'torch: 1.13.0\ncuda: cpu\npython: "3.11"',
      'compat-file': 'compat.json',
      builder: BUILDER,
      'base-image': BASE,
      'pip-index-url': index.url,
      push: 'true',
      ...inputs,
    },
    { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'compat.json'), DEBIAN_TORCH_COMPAT) },
  );
}

describe('build secrets', () => {
  it("the template's pip secret lets pip-packages install from a private index; the password is nowhere after", async () => {
    const repo = freshRepository('secret-pip');
    index.requests.length = 0;
    const run = await templateBuild({ 'pip-packages': 'private-pkg==2.0', 'secret-files': `pip=${netrc}`, image: repo });
    expect(run.code, run.stdout.slice(-5000)).toBe(0);
    const [built] = images(run);
    expect(built).toMatchObject({ status: 'built', cache: 'registry' });
    // The wheel came from the private index, with the credentials of the netrc file.
    expect(index.requests).toEqual(expect.arrayContaining(['/simple/private-pkg/', '/packages/private_pkg-2.0-py3-none-any.whl']));
    // The runner is told to mask the file's password line.
    expect(run.stdout).toContain(`::add-mask::password ${PASSWORD}`);
    expect(logLines(run)).not.toContain(PASSWORD);
    expect(JSON.stringify(run.outputs)).not.toContain(PASSWORD);
    expect(run.summary).not.toContain(PASSWORD);
    const registry = await foundInRegistry(repo, PASSWORD);
    // the entry's tag, the content tag and the registry cache, all read
    expect(registry.tags).toEqual(
      expect.arrayContaining([built!.tag, expect.stringMatching(/^gim-/), expect.stringMatching(/^buildcache-/)]),
    );
    expect(registry.blobs).toBeGreaterThan(10);
    expect(registry.hits).toEqual([]);
    // The package is in the image (the step ran), and the image names no secret path but the mount's.
    const ref = `${repo}:${built!.tag}`;
    execFileSync('docker', ['pull', '-q', ref], { stdio: 'pipe' });
    const shown = execFileSync(
      'docker',
      ['run', '--rm', '--entrypoint', 'sh', ref, '-c', 'pip show private-pkg; ls /run/secrets 2>&1 || true'],
      {
        encoding: 'utf8',
      },
    );
    expect(shown).toContain('Version: 2.0');
    expect(shown).not.toContain('gim-pip');
  });

  it('a wrong password fails the build on the index refusing it, and the wrong password is not printed either', async () => {
    const wrong = `pw-wrong-${randomBytes(8).toString('hex')}`;
    const bad = path.join(scratch, 'netrc-wrong');
    writeFileSync(bad, `machine 127.0.0.1 login gim-user password ${wrong}\n`, { mode: 0o600 });
    index.refused.length = 0;
    const run = await templateBuild({
      // Another package than the first test's: BuildKit keys a step by its command, not by the
      // secret's content, so the first test's step would be taken from the cache and not run.
      'pip-packages': 'other-pkg==1.0',
      'secret-files': `pip=${bad}`,
      image: freshRepository('secret-pip-wrong'),
      retries: '0',
    });
    expect(run.code).toBe(1);
    expect(images(run)[0]).toMatchObject({ status: 'failed' });
    expect(index.refused).toContain('/simple/other-pkg/');
    expect(logLines(run)).not.toContain(wrong);
    expect(JSON.stringify(run.outputs)).not.toContain(wrong);
  });

  it("a Dockerfile of the team's own reads a value secret; a step that prints it prints ***, in the log and in the error", async () => {
    const repo = freshRepository('secret-own');
    const sha = createHash('sha256').update(TOKEN).digest('hex');
    const dockerfile = [
      `FROM ${BASE_IMAGE}`,
      // a nonce, so that BuildKit runs the steps again (a cached step prints nothing)
      'ARG NONCE',
      'RUN --mount=type=secret,id=token,required=true echo "$NONCE token is: $(cat /run/secrets/token)"',
      `RUN --mount=type=secret,id=token,required=true echo "${sha}  /run/secrets/token" | sha256sum -c - && echo checked > /token-checked`,
      'ARG FAIL=0',
      'RUN --mount=type=secret,id=token if [ "$FAIL" = 1 ]; then echo "giving up with $(cat /run/secrets/token)"; exit 3; fi',
      '',
    ].join('\n');
    const go = (extra: Record<string, string>): Promise<ActionRun> =>
      runAction(
        node.bin,
        {
          command: 'build',
          matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"',
          builder: BUILDER,
          dockerfile: 'Dockerfile',
          image: repo,
          push: 'true',
          secrets: `token=${TOKEN}`,
          retries: '0',
          ...extra,
        },
        { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), dockerfile) },
      );
    const nonce = randomBytes(6).toString('hex');
    const run = await go({ 'build-args': `NONCE=${nonce}` });
    expect(run.code, run.stdout.slice(-5000)).toBe(0);
    expect(images(run)[0]).toMatchObject({ status: 'built' });
    expect(run.stdout).toContain(`::add-mask::${TOKEN}`);
    // The step ran and printed it; the log shows *** where it stood.
    expect(logLines(run)).toContain(`${nonce} token is: ***`);
    expect(logLines(run)).not.toContain(TOKEN);
    expect((await foundInRegistry(repo, TOKEN)).hits).toEqual([]);
    // Never on docker's command line either: buildx read it from its own environment.
    expect(logLines(run)).not.toMatch(/--secret[^\n]*tok-/);

    const failed = await go({ 'build-args': `NONCE=${nonce}-2\nFAIL=1` });
    expect(failed.code).toBe(1);
    const [result] = images(failed);
    expect(result).toMatchObject({ status: 'failed' });
    expect(result!.error).toContain('giving up with ***');
    expect(logLines(failed)).not.toContain(TOKEN);
    expect(JSON.stringify(failed.outputs)).not.toContain(TOKEN);
    expect(failed.summary).not.toContain(TOKEN);
  });

  it('a secret that is also a JSON word (null) is taken out of strings only: the outputs stay JSON (found in review)', async () => {
    const run = await runAction(
      node.bin,
      {
        command: 'build',
        matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"',
        builder: BUILDER,
        dockerfile: 'Dockerfile',
        image: freshRepository('secret-number'),
        push: 'true',
        // "null" stands in the results as JSON nulls (a CPU entry's cudaFull): replaced in the JSON text, it broke
        secrets: 'n=null',
      },
      { timeoutMs: 600_000, setup: (ws) => writeFileSync(path.join(ws, 'Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo x > /x\n`) },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [built] = images(run);
    expect(built?.status).toBe('built');
    expect(typeof built?.size).toBe('number');
    // a CPU entry's cudaFull, cudnn and minDriver are JSON nulls in the matrix output
    expect(JSON.parse(run.outputs.matrix ?? '{}').include[0]).toMatchObject({ cudaFull: null, cudnn: null, minDriver: null });
  });

  it('a secret file that is not there fails before anything builds, naming the id and the path', async () => {
    const run = await runAction(node.bin, {
      command: 'build',
      matrix: 'torch: 2.8.0\ncuda: cpu\npython: "3.12"',
      image: freshRepository('secret-missing'),
      'secret-files': 'pip=does/not/exist.netrc',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::secret-files \(pip\): "does\/not\/exist\.netrc" does not exist/);
    expect(run.outputs.images).toBeUndefined();
  });
});
