import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { BASE_IMAGE, requireInfra } from './support/infra.js';
import { ACTION, runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// Faults injected into real components, each owned by this file so that other test files are not
// disturbed: a Distribution registry on 127.0.0.1:5002 that is stopped in the middle of a push,
// and a second BuildKit daemon (its own root and socket, the buildx remote builder gim-faults in
// a docker config of this file's own) that is killed in the middle of a build. Everything talks
// to 127.0.0.1 or unix sockets; every wait is bounded.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const REG = '127.0.0.1:5002';
const BUILDER = 'gim-faults';
let dir = '';
let registry: ChildProcess | undefined;
let buildkitd: ChildProcess | undefined;
const dockerConfig = (): string => path.join(dir, 'docker');
const sock = (): string => path.join(dir, 'buildkitd.sock');
// The second daemon's state lives outside the test's scratch folder and is reused across runs:
// a daemon killed mid-build leaves its container's rootfs mounted there, which is unmounted
// before the next start rather than deleted from under the kernel.
const BK_ROOT = '/var/tmp/gim-faults-buildkit';

function unmountUnder(prefix: string): void {
  const mounts = readFileSync('/proc/mounts', 'utf8')
    .split('\n')
    .map((l) => l.split(' ')[1] ?? '')
    .filter((m) => m.startsWith(prefix))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) {
    try {
      execFileSync('umount', ['-l', m], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function until(what: string, check: () => boolean | Promise<boolean>, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (await check()) return;
    await sleep(100);
  }
  throw new Error(`${what}: not within ${seconds} s`);
}

async function startRegistry(): Promise<void> {
  registry = spawn('docker-registry', ['serve', path.join(dir, 'registry.yml')], { stdio: 'ignore' });
  await until('registry up', async () => (await fetch(`http://${REG}/v2/`).catch(() => null))?.ok === true, 20);
}

async function stopRegistry(): Promise<void> {
  const r = registry;
  registry = undefined;
  if (!r || r.exitCode !== null) return;
  r.kill('SIGKILL');
  await until('registry down', () => r.exitCode !== null || r.signalCode !== null, 10);
}

async function startBuildkitd(): Promise<void> {
  unmountUnder(BK_ROOT);
  buildkitd = spawn('buildkitd', ['--config', '/etc/buildkit/buildkitd.toml', '--root', BK_ROOT, '--addr', `unix://${sock()}`], {
    stdio: 'ignore',
  });
  await until(
    'buildkitd up',
    () => {
      try {
        execFileSync('buildctl', ['--addr', `unix://${sock()}`, 'debug', 'workers'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    },
    30,
  );
}

function uploadsInProgress(): boolean {
  const uploads = path.join(dir, 'registry-data/docker/registry/v2/repositories/faults/push/_uploads');
  return existsSync(uploads) && readdirSync(uploads).length > 0;
}

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

function workspace(dockerfile: string): (ws: string) => void {
  return (ws) => {
    mkdirSync(path.join(ws, 'image'));
    writeFileSync(path.join(ws, 'image/Dockerfile'), dockerfile);
  };
}

const inputs = (extra: Record<string, string>): Record<string, string> => ({
  command: 'build',
  matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
  dockerfile: 'Dockerfile',
  context: 'image',
  builder: BUILDER,
  push: 'true',
  cache: 'none',
  ...extra,
});

beforeAll(async () => {
  requireInfra();
  dir = mkdtempSync(path.join(tmpdir(), 'gim-faults-'));
  writeFileSync(
    path.join(dir, 'registry.yml'),
    `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n` +
      `    rootdirectory: ${dir}/registry-data\n  delete:\n    enabled: true\nhttp:\n  addr: ${REG}\n`,
  );
  await startRegistry();
  await startBuildkitd();
  execFileSync('docker', ['buildx', 'create', '--name', BUILDER, '--driver', 'remote', `unix://${sock()}`], {
    env: { ...process.env, DOCKER_CONFIG: dockerConfig() },
    stdio: 'ignore',
  });
}, 120_000);

afterAll(async () => {
  await stopRegistry();
  const bk = buildkitd;
  if (bk && bk.exitCode === null) {
    bk.kill('SIGTERM');
    await until('buildkitd stopped', () => bk.exitCode !== null || bk.signalCode !== null, 30).catch(() => bk.kill('SIGKILL'));
  }
  unmountUnder(BK_ROOT);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('fault: the registry stops in the middle of a push', () => {
  let firstDigest: string | null = null;
  // 96 MiB of random bytes: a push that takes long enough to be interrupted.
  const BIG = `FROM ${BASE_IMAGE}\nRUN head -c 100663296 /dev/urandom > /payload\n`;

  it('retries within its bound and succeeds when the registry returns', async () => {
    const running = runAction(node.bin, inputs({ image: `${REG}/faults/push`, retries: '3' }), {
      setup: workspace(BIG),
      env: { DOCKER_CONFIG: dockerConfig() },
      timeoutMs: 300_000,
    });
    await until('an upload in progress', uploadsInProgress, 120);
    await stopRegistry();
    await sleep(3000);
    await startRegistry();
    const run = await running;
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [r] = images(run);
    expect(r?.status).toBe('built');
    expect(r?.attempts, 'attempts').toBeGreaterThanOrEqual(2);
    expect(run.stdout).toMatch(/::warning::transient failure \(attempt 1 of 4\), retrying in 2 s/);
    const served = await fetch(`http://${REG}/v2/faults/push/manifests/${r?.tag}`, {
      method: 'HEAD',
      headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
    });
    expect(served.headers.get('docker-content-digest')).toBe(r?.digest);
    firstDigest = r?.digest ?? null;
  }, 300_000);

  it('fails after bounded retries when it does not return, reports every entry, and leaves no tag on an incomplete image', async () => {
    const started = Date.now();
    const running = runAction(
      node.bin,
      inputs({
        image: `${REG}/faults/push`,
        retries: '2',
        matrix: 'torch: [2.4.1, 2.5.1]\ncuda: cpu\npython: "3.11"',
        'build-args': 'RUN_ID=gone',
      }),
      {
        setup: workspace(`${BIG}ARG RUN_ID\nRUN echo "\${RUN_ID}" > /run-id\n`),
        env: { DOCKER_CONFIG: dockerConfig() },
        timeoutMs: 300_000,
      },
    );
    await until('an upload in progress', uploadsInProgress, 120);
    await stopRegistry();
    const run = await running;
    expect((Date.now() - started) / 1000, 'seconds').toBeLessThan(240);
    expect(run.code).toBe(1);
    const results = images(run);
    expect(results.map((r) => r.status)).toEqual(['failed', 'failed']);
    expect(results[0]?.attempts).toBe(3);
    expect(results[0]?.error).toMatch(/connection refused|connect:|dial tcp/);
    await startRegistry();
    const head = (tag: string): Promise<Response> =>
      fetch(`http://${REG}/v2/faults/push/manifests/${tag}`, {
        method: 'HEAD',
        headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
      });
    // Through the registry API: no tag of this run exists, and the tag the first test pushed
    // still points at its complete image.
    for (const r of results) expect((await head(r.contentTag.split(':').pop()!)).status, `${r.contentTag}`).toBe(404);
    expect((await head('2.5.1-cpu-py3.11-ubuntu24.04')).status).toBe(404);
    expect((await head('2.4.1-cpu-py3.11-ubuntu24.04')).headers.get('docker-content-digest')).toBe(firstDigest);
  }, 300_000);
});

describe('fault: the BuildKit daemon dies in the middle of a build', () => {
  it('fails that entry with a message that says so, does not hang, and the next entry builds once the daemon is back', async () => {
    const started = Date.now();
    const running = runAction(
      node.bin,
      inputs({ image: `${REG}/faults/bk`, retries: '0', matrix: 'torch: [2.4.1, 2.5.1]\ncuda: cpu\npython: "3.11"' }),
      {
        setup: workspace(
          `FROM ${BASE_IMAGE}\nARG TORCH_VERSION\nRUN if [ "\${TORCH_VERSION}" = "2.5.1" ]; ` +
            `then echo slow; sleep 25; fi; echo "\${TORCH_VERSION}" > /v\n`,
        ),
        env: { DOCKER_CONFIG: dockerConfig() },
        timeoutMs: 300_000,
      },
    );
    await sleep(6000);
    buildkitd?.kill('SIGKILL');
    await sleep(1000);
    await startBuildkitd();
    const run = await running;
    expect((Date.now() - started) / 1000, 'seconds').toBeLessThan(200);
    const [first, second] = images(run);
    expect(first).toMatchObject({ tag: '2.5.1-cpu-py3.11-ubuntu24.04', status: 'failed' });
    expect(first?.error).toMatch(/the builder \(the BuildKit daemon\) stopped or could not be reached during the build/);
    expect(second).toMatchObject({ tag: '2.4.1-cpu-py3.11-ubuntu24.04', status: 'built' });
    expect(run.code).toBe(1);
  }, 300_000);
});

describe('fault: the runner cancels the step (SIGTERM)', () => {
  it('stops buildx and exits promptly, and nothing is pushed', async () => {
    const ws = mkdtempSync(path.join(dir, 'ws-'));
    workspace(`FROM ${BASE_IMAGE}\nRUN echo start && sleep 60 && echo done > /done\n`)(ws);
    const out = path.join(dir, 'cancel-output');
    writeFileSync(out, '');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DOCKER_CONFIG: dockerConfig(),
      GITHUB_OUTPUT: out,
      GITHUB_WORKSPACE: ws,
      RUNNER_TEMP: dir,
    };
    for (const [k, v] of Object.entries(inputs({ image: `${REG}/faults/cancel` }))) env[`INPUT_${k.toUpperCase()}`] = v;
    const child = spawn(node.bin, [ACTION], { env, cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    await until('the RUN step started', () => /#\d+ \[2\/2\] RUN echo start/.test(stdout), 60);
    const t0 = Date.now();
    child.kill('SIGTERM');
    await until('the action exited', () => child.exitCode !== null, 30);
    expect((Date.now() - t0) / 1000, 'seconds to exit after SIGTERM').toBeLessThan(20);
    expect(child.exitCode).not.toBe(0);
    // No buildx left running for this build, and no tag in the registry.
    const ps = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
    expect(ps).not.toContain(`${REG}/faults/cancel`);
    const tags = await fetch(`http://${REG}/v2/faults/cancel/tags/list`);
    expect(tags.status === 404 || ((await tags.json()) as { tags: string[] | null }).tags === null).toBe(true);
    expect(readFileSync(out, 'utf8')).not.toContain('digest<<');
  }, 120_000);
});
