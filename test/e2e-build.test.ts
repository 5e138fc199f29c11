import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { startCacheServer, type CacheServer } from './support/cache-server.js';
import { LAYER_SCAN_CACHE_PREFIX } from '../src/effects/layer-scan-cache.js';
import { BASE_IMAGE, BUILDER, REGISTRY, freshRepository, pruneBuilder, registryDigest, requireInfra } from './support/infra.js';
import { runAction, type ActionRun } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// End to end on real parts: the committed action bundle under Node 24, dockerd, BuildKit
// v0.25 behind the buildx remote builder, a Distribution registry on 127.0.0.1 (see
// support/infra.ts), and for `cache: local` the real @actions/cache against a v1 cache
// service in this process. Images build FROM the debootstrap base with the user's-own-
// Dockerfile path (the embedded template needs nvidia/cuda and the PyTorch index, which
// this machine cannot reach; its rendering is tested in build-core.test.ts).

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;
const MATRIX = 'torch: [2.4.1, 2.5.1]\ncuda: cpu\npython: "3.11"';
const DOCKERFILE = `ARG LOCAL_BASE=${BASE_IMAGE}
FROM \${LOCAL_BASE}
ARG PYTHON_VERSION
RUN echo "python \${PYTHON_VERSION}" > /python-version
ARG TORCH_VERSION
RUN if [ "\${TORCH_VERSION}" = "\${FAIL_FOR:-none}" ]; then echo "boom: refusing torch \${TORCH_VERSION}"; exit 3; fi; \\
    echo "torch \${TORCH_VERSION}" > /torch-version && head -c 65536 /dev/urandom > /payload
ARG EXTRA=none
RUN echo "extra \${EXTRA}" > /extra
`;

function workspaceWith(dockerfile: string): (ws: string) => void {
  return (ws) => {
    mkdirSync(path.join(ws, 'image'));
    writeFileSync(path.join(ws, 'image/Dockerfile'), dockerfile);
  };
}

function images(run: ActionRun): ImageResult[] {
  if (!run.outputs.images) throw new Error(`no images output; the action printed:\n${run.stdout.slice(-4000)}`);
  return JSON.parse(run.outputs.images) as ImageResult[];
}

function build(inputs: Record<string, string>, options: Parameters<typeof runAction>[2] = {}): Promise<ActionRun> {
  return runAction(
    node.bin,
    { command: 'build', matrix: MATRIX, dockerfile: 'Dockerfile', context: 'image', builder: BUILDER, ...inputs },
    { setup: workspaceWith(DOCKERFILE), timeoutMs: 600_000, ...options },
  );
}

beforeAll(() => requireInfra());

describe('build on real BuildKit and a real registry', () => {
  const repo = freshRepository('two');
  let first: ImageResult[] = [];
  let rebuilt: ImageResult[] = [];

  it('builds and pushes a 2-entry matrix; the digests in images are what the registry serves', async () => {
    const run = await build({ image: repo, push: 'true', cache: 'registry' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    first = images(run);
    expect(first.map((r) => [r.tag, r.status])).toEqual([
      ['2.5.1-cpu-py3.11-ubuntu24.04', 'built'],
      ['2.4.1-cpu-py3.11-ubuntu24.04', 'built'],
    ]);
    for (const r of first) {
      expect(r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(await registryDigest(repo, r.tag)).toBe(r.digest);
      expect(await registryDigest(repo, r.contentTag.split(':').pop()!)).toBe(r.digest);
      expect(r.imageId).toMatch(/^sha256:/);
      expect(r.size).toBeGreaterThan(30 * 1024 * 1024);
      expect(r.totalSteps, 'three RUN steps (FROM is not counted)').toBe(3);
    }
    expect(run.summary).toMatch(/### gpu-image-matrix build: 2 built/);
  });

  it('rebuilds every step from the registry cache after the builder cache is wiped', async () => {
    pruneBuilder();
    const run = await build({ image: repo, push: 'true', cache: 'registry', 'skip-existing': 'false' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    rebuilt = images(run);
    for (const r of rebuilt) {
      expect(r.status).toBe('built');
      expect(r.cachedSteps, `${r.tag} cached steps`).toBe(r.totalSteps);
    }
  });

  it('skips an unchanged re-run by its content-addressed tag', async () => {
    const run = await build({ image: repo, push: 'true', cache: 'registry' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const again = images(run);
    expect(again.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(run.stdout).toContain('up to date:');
    for (const [i, r] of again.entries()) {
      // The forced rebuild above re-pushed the content tag; the skip reports what it holds now.
      expect(r.digest).toBe(rebuilt[i]?.digest);
      expect(await registryDigest(repo, r.tag)).toBe(r.digest);
    }
  });

  it('does not skip when a build-arg changed, and moves the entry tag to the new image', async () => {
    const run = await build({ image: repo, push: 'true', cache: 'registry', 'build-args': 'EXTRA=changed' });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const changed = images(run);
    expect(changed.map((r) => r.status)).toEqual(['built', 'built']);
    for (const [i, r] of changed.entries()) {
      expect(r.digest).not.toBe(rebuilt[i]?.digest);
      expect(r.contentTag).not.toBe(first[i]?.contentTag);
      expect(r.cachedSteps, 'the Python step, before the changed arg, comes from cache').toBeGreaterThanOrEqual(1);
      expect(await registryDigest(repo, r.tag)).toBe(r.digest);
    }
  });

  it('points the entry tag back when the earlier content returns (skip re-tags)', async () => {
    const run = await build({ image: repo, push: 'true', cache: 'registry' });
    const back = images(run);
    expect(back.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    for (const [i, r] of back.entries()) {
      expect(r.digest).toBe(rebuilt[i]?.digest);
      expect(await registryDigest(repo, r.tag)).toBe(rebuilt[i]?.digest);
    }
  });
});

describe('build failures and parallel matrix jobs', () => {
  it('reports the entry whose Dockerfile fails, with the failing step and its output, and builds the other', async () => {
    const repo = freshRepository('fail');
    const run = await build(
      { image: repo, push: 'true', 'build-args': 'FAIL_FOR=2.5.1' },
      { setup: workspaceWith(DOCKERFILE.replace('RUN if', 'ARG FAIL_FOR\nRUN if')) },
    );
    expect(run.code).toBe(1);
    const [failed, ok] = images(run);
    expect(failed).toMatchObject({ tag: '2.5.1-cpu-py3.11-ubuntu24.04', status: 'failed', attempts: 1, digest: null });
    expect(failed?.error).toMatch(
      /^step \[3\/4\] RUN if .* failed\n {2}its last output:\n {4}boom: refusing torch 2\.5\.1\n {2}ERROR: .*exit code: 3/s,
    );
    expect(ok).toMatchObject({ tag: '2.4.1-cpu-py3.11-ubuntu24.04', status: 'built' });
    expect(await registryDigest(repo, '2.4.1-cpu-py3.11-ubuntu24.04')).toBe(ok?.digest);
    expect(await registryDigest(repo, '2.5.1-cpu-py3.11-ubuntu24.04')).toBeNull();
    expect(run.stdout).toMatch(/::error::1 of 2 images were not built: 2\.5\.1-cpu-py3\.11-ubuntu24\.04/);
    expect(run.summary).toContain('2.5.1-cpu-py3.11-ubuntu24.04 failed</summary>');
  });

  it('keeps separate caches and tags for two entries built at the same time into one repository', async () => {
    const repo = freshRepository('parallel');
    const [a, b] = await Promise.all(
      ['2.4.1', '2.5.1'].map((torch) =>
        build({ image: repo, push: 'true', cache: 'registry', matrix: `torch: ${torch}\ncuda: cpu\npython: "3.11"` }),
      ),
    );
    expect(a?.code, a?.stdout.slice(-2000)).toBe(0);
    expect(b?.code, b?.stdout.slice(-2000)).toBe(0);
    const [ra, rb] = [images(a!)[0]!, images(b!)[0]!];
    expect(ra.key).not.toBe(rb.key);
    for (const r of [ra, rb]) {
      expect(await registryDigest(repo, r.tag)).toBe(r.digest);
      expect(await registryDigest(repo, `buildcache-${r.key}`), `cache of ${r.tag}`).toMatch(/^sha256:/);
    }
  });
});

describe('parallel builds', () => {
  it('builds 8 entries 4 at a time into one repository; tags, caches and outputs never mix', async () => {
    const repo = freshRepository('parallel8');
    const run = await build({
      image: repo,
      push: 'true',
      cache: 'registry',
      parallel: '4',
      matrix: 'torch: ">=2.4 <2.12"\ncuda: cpu\npython: "3.11"',
    });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const results = images(run);
    expect(results.map((r) => r.tag)).toEqual(
      ['2.11.0', '2.10.0', '2.9.1', '2.8.0', '2.7.1', '2.6.0', '2.5.1', '2.4.1'].map((t) => `${t}-cpu-py3.11-ubuntu24.04`),
    );
    expect(new Set(results.map((r) => r.digest)).size).toBe(8);
    const path = repo.replace(`${REGISTRY}/`, '');
    for (const r of results) {
      expect(r.status).toBe('built');
      expect(await registryDigest(repo, r.tag), r.tag).toBe(r.digest);
      expect(await registryDigest(repo, `buildcache-${r.key}`), `cache of ${r.tag}`).toMatch(/^sha256:/);
      // The image under this tag is this entry's: its labels name its torch.
      const manifest = (await (
        await fetch(`http://${REGISTRY}/v2/${path}/manifests/${r.tag}`, {
          headers: { Accept: 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json' },
        })
      ).json()) as { config: { digest: string } };
      const config = (await (await fetch(`http://${REGISTRY}/v2/${path}/blobs/${manifest.config.digest}`)).json()) as {
        config: { Labels: Record<string, string> };
      };
      expect(config.config.Labels['io.github.gpu-image-matrix.torch']).toBe(r.tag.split('-')[0]);
      expect(config.config.Labels['io.github.gpu-image-matrix.key']).toBe(r.key);
    }
    // Several at once: log lines carry their entry's tag instead of groups.
    expect(run.stdout).toMatch(/\[2\.4\.1-cpu-py3\.11-ubuntu24\.04\] built 2\.4\.1-cpu-py3\.11-ubuntu24\.04/);
  }, 300_000);
});

describe('without pushing, and without buildx', () => {
  it(
    'loads the image into the local dockerd when push is false, ' +
      'and pushes nothing (command all on a runner without GPU: no smoke test)',
    async () => {
      const repo = freshRepository('load');
      const run = await build({ command: 'all', image: repo, push: 'false', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' });
      expect(run.code, run.stdout.slice(-3000)).toBe(0);
      expect(run.stdout).toContain('smoke test skipped: smoke is auto and this runner has no GPU');
      expect(run.outputs['smoke-results']).toBeUndefined();
      const [r] = images(run);
      expect(r).toMatchObject({ status: 'built', cache: 'none' });
      const inspected = execFileSync(
        'docker',
        ['image', 'inspect', '--format', '{{index .Config.Labels "io.github.gpu-image-matrix.torch"}}', `${repo}:${r?.tag}`],
        { encoding: 'utf8' },
      );
      expect(inspected.trim()).toBe('2.4.1');
      expect(await registryDigest(repo, r!.tag)).toBeNull();
    },
  );

  // A docker CLI without the buildx plugin is simulated by a wrapper that answers `docker buildx`
  // as such a CLI does and hands everything else to Debian's docker 20.10 client, whose daemon
  // builds with its built-in BuildKit.
  it('falls back to DOCKER_BUILDKIT=1 docker build and docker push, with a warning (buildx absence simulated)', async () => {
    const bin = mkdtempSync(path.join(tmpdir(), 'gim-nobuildx-'));
    writeFileSync(
      path.join(bin, 'docker'),
      '#!/bin/sh\nif [ "$1" = buildx ]; then echo "docker: ' +
        '\'buildx\' is not a docker command." >&2; exit 1; fi\nexec /usr/bin/docker "$@"\n',
      { mode: 0o755 },
    );
    const repo = freshRepository('nobuildx');
    const run = await build(
      { image: repo, push: 'true', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env: { PATH: `${bin}:${process.env.PATH}` } },
    );
    rmSync(bin, { recursive: true, force: true });
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toContain('::warning::docker buildx was not found: building with DOCKER_BUILDKIT=1 docker build instead.');
    const [r] = images(run);
    expect(r?.status).toBe('built');
    expect(r?.digest).toMatch(/^sha256:/);
    expect(await registryDigest(repo, r!.tag)).toBe(r?.digest);
    expect(await registryDigest(repo, r!.contentTag.split(':').pop()!)).toBe(r?.digest);
  });
});

describe('cache: local through the real @actions/cache', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer();
  });
  afterAll(() => server.close());

  it('saves the BuildKit cache, restores it into a wiped builder, and every step comes from it', async () => {
    const repo = freshRepository('local');
    // One RUNNER_TEMP for both runs, as on one runner: the Actions cache matches saved paths exactly.
    const env = {
      ACTIONS_CACHE_URL: server.url,
      ACTIONS_RUNTIME_TOKEN: 'test-token',
      RUNNER_TEMP: mkdtempSync(path.join(tmpdir(), 'gim-runner-temp-')),
    };
    const one = await build({ image: repo, push: 'true', cache: 'local', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' }, { env });
    expect(one.code, one.stdout.slice(-3000)).toBe(0);
    const [built] = images(one);
    expect(built?.cache).toBe('local');
    // the BuildKit cache's key; the duplicate scan keeps its layers under keys of its own
    expect(server.keys().filter((k) => !k.startsWith(LAYER_SCAN_CACHE_PREFIX))).toEqual([
      `gpu-image-matrix-${built?.key}-${built?.contentTag.split('-').pop()}`,
    ]);

    pruneBuilder();
    const two = await build(
      { image: repo, push: 'true', cache: 'local', 'skip-existing': 'false', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env },
    );
    expect(two.code, two.stdout.slice(-3000)).toBe(0);
    const [rebuilt] = images(two);
    expect(two.stdout).toContain(`cache restored from gpu-image-matrix-${built?.key}-`);
    expect(rebuilt?.cachedSteps).toBe(rebuilt?.totalSteps);
  });

  it("cache: gha — BuildKit's own Actions cache backend, scoped by the entry key, serves a wiped builder", async () => {
    const repo = freshRepository('gha');
    // BuildKit reads the cache scopes from the runtime token, a JWT (its signature is not checked client-side).
    const b64 = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
    const header = b64({ alg: 'HS256', typ: 'JWT' });
    const claims = b64({ ac: JSON.stringify([{ Scope: 'refs/heads/main', Permission: 3 }]), exp: 4102444800, nbf: 1700000000 });
    const jwt = `${header}.${claims}.c2ln`;
    const env = { ACTIONS_CACHE_URL: server.url, ACTIONS_RUNTIME_TOKEN: jwt };
    const matrix = 'torch: 2.5.1\ncuda: cpu\npython: "3.11"';
    const one = await build({ image: repo, push: 'true', cache: 'gha', matrix }, { env });
    expect(one.code, one.stdout.slice(-3000)).toBe(0);
    const [built] = images(one);
    expect(
      server.keys().some((k) => k.startsWith(`index-gim-${built?.key}-`)),
      server.keys().join(', '),
    ).toBe(true);
    pruneBuilder();
    const two = await build({ image: repo, push: 'true', cache: 'gha', 'skip-existing': 'false', matrix }, { env });
    expect(two.code, two.stdout.slice(-3000)).toBe(0);
    const [rebuilt] = images(two);
    expect(rebuilt?.cachedSteps).toBe(rebuilt?.totalSteps);
  });

  it('builds again without the cache, with a warning, when BuildKit cannot configure the cache backend', async () => {
    // A runtime token that is not a JWT: BuildKit's gha backend refuses to start.
    const run = await build(
      { image: freshRepository('badgha'), push: 'true', cache: 'gha', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env: { ACTIONS_CACHE_URL: server.url, ACTIONS_RUNTIME_TOKEN: 'not-a-jwt' } },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    expect(run.stdout).toMatch(
      /::warning::the gha cache failed \(.*failed to configure gha cache (exporter|importer).*\); building again without a cache/,
    );
    expect(images(run)[0]).toMatchObject({ status: 'built', cache: 'none', attempts: 1 });
  });

  for (const fault of [429, 'hang'] as const) {
    it(
      `builds without the cache, with a warning and within a bounded delay, ` +
        `when the cache service ${fault === 'hang' ? 'hangs' : 'answers 429 with Retry-After'}`,
      async () => {
        server.failWith(fault);
        const started = Date.now();
        try {
          const run = await build(
            {
              image: freshRepository(`cache${fault}`),
              push: 'true',
              cache: 'local',
              'cache-timeout': '5',
              matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
            },
            { env: { ACTIONS_CACHE_URL: server.url, ACTIONS_RUNTIME_TOKEN: 'test-token' } },
          );
          expect(run.code, run.stdout.slice(-3000)).toBe(0);
          expect(images(run)[0]?.status).toBe('built');
          expect(run.stdout).toMatch(/::warning::(cache (restore|save) failed|Failed to (save|restore))/);
          if (fault === 'hang') expect(run.stdout).toContain('the Actions cache did not answer within 5 s');
          expect((Date.now() - started) / 1000, 'seconds').toBeLessThan(90);
        } finally {
          server.failWith(null);
        }
      },
      120_000,
    );
  }

  it('builds without the cache, with a warning, when the cache service fails', async () => {
    server.failWith(500);
    try {
      const run = await build(
        { image: freshRepository('cachefail'), push: 'true', cache: 'local', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
        { env: { ACTIONS_CACHE_URL: server.url, ACTIONS_RUNTIME_TOKEN: 'test-token' } },
      );
      expect(run.code, run.stdout.slice(-3000)).toBe(0);
      expect(images(run)[0]?.status).toBe('built');
      // @actions/cache reports a failed save as a warning itself; ours covers the failures it throws.
      expect(run.stdout).toMatch(/::warning::(cache (restore|save) failed|Failed to save|Failed to restore)/);
    } finally {
      server.failWith(null);
    }
  });
});

describe('credentials never reach the output', () => {
  const PASSWORD = 'Sup3r-s3cret-pa55word';
  let registry: ChildProcess | undefined;
  let dir = '';
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gim-auth-'));
    const htpasswd = execFileSync('htpasswd', ['-Bbn', 'ci-user', PASSWORD], { encoding: 'utf8' });
    writeFileSync(path.join(dir, 'htpasswd'), htpasswd);
    writeFileSync(
      path.join(dir, 'config.yml'),
      `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${dir}/data\n  delete:\n` +
        `    enabled: true\nhttp:\n  addr: 127.0.0.1:5001\nauth:\n  htpasswd:\n    realm: gim-test\n    path: ${dir}/htpasswd\n`,
    );
    registry = spawn('docker-registry', ['serve', path.join(dir, 'config.yml')], { stdio: 'ignore' });
    for (let i = 0; i < 40; i++) {
      const res = await fetch('http://127.0.0.1:5001/v2/').catch(() => null);
      if (res?.status === 401) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    // A docker config of the test's own, with the remote builder registered in it.
    const docker = { ...process.env, DOCKER_CONFIG: path.join(dir, 'docker') };
    execFileSync('docker', ['buildx', 'create', '--name', BUILDER, '--driver', 'remote', 'unix:///run/buildkit/buildkitd.sock'], {
      env: docker,
      stdio: 'pipe',
    });
  });
  afterAll(() => {
    registry?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails without retrying when the registry refuses the credentials', async () => {
    const run = await build(
      { image: '127.0.0.1:5001/e2e/secret', push: 'true', cache: 'none', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env: { DOCKER_CONFIG: path.join(dir, 'docker') } },
    );
    expect(run.code).toBe(1);
    const [r] = images(run);
    expect(r?.status).toBe('failed');
    expect(r?.attempts).toBe(1);
    expect(r?.error).toMatch(/401 Unauthorized|unauthorized|authentication required/i);
  });

  it('pushes after docker login, and the password appears in no log, output or summary of build, smoke or repro', async () => {
    const config = path.join(dir, 'docker');
    execFileSync('docker', ['login', '127.0.0.1:5001', '--username', 'ci-user', '--password-stdin'], {
      input: PASSWORD,
      env: { ...process.env, DOCKER_CONFIG: config },
      stdio: 'pipe',
    });
    const run = await build(
      { image: '127.0.0.1:5001/e2e/secret', push: 'true', cache: 'registry', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env: { DOCKER_CONFIG: config } },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [r] = images(run);
    expect(r?.status).toBe('built');
    const base64 = Buffer.from(`ci-user:${PASSWORD}`).toString('base64');
    // The action tells the runner to mask the password the moment it reads it (::add-mask::, a
    // line the runner consumes and never shows); nothing else may carry it.
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
    const shown = (text: string): string =>
      text
        .split('\n')
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n');
    for (const text of [shown(run.stdout), run.summary, JSON.stringify(run.outputs)]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(base64);
    }
    // The skip check and re-tagging talk to the registry with the same credentials.
    const again = await build(
      { image: '127.0.0.1:5001/e2e/secret', push: 'true', cache: 'registry', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"' },
      { env: { DOCKER_CONFIG: config } },
    );
    expect(images(again)[0]?.status, again.stdout.slice(-2000)).toBe('skipped');
    // Every other command against the same registry: smoke pulls the image, repro reads the
    // baseline through the registry API with the same credentials.
    // no local copy of the image, so the smoke check must pull it (by tag or digest) with the credentials
    const localCopies = () =>
      execFileSync('docker', ['image', 'ls', '--quiet', '127.0.0.1:5001/e2e/secret'], { encoding: 'utf8' }).split('\n').filter(Boolean);
    if (localCopies().length > 0) spawnSync('docker', ['image', 'rm', '--force', ...new Set(localCopies())], { stdio: 'ignore' });
    expect(localCopies()).toEqual([]);
    const smoke = await runAction(
      node.bin,
      { command: 'smoke', matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"', images: run.outputs.images ?? '', 'expect-gpu': 'false' },
      { env: { DOCKER_CONFIG: config }, timeoutMs: 300_000 },
    );
    const repro = await build(
      {
        command: 'repro',
        image: '127.0.0.1:5001/e2e/secret',
        baseline: '{image}:{tag}',
        'source-date-epoch': '0',
        'fail-on': 'none',
        matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
      },
      { env: { DOCKER_CONFIG: config } },
    );
    expect(repro.code, repro.stdout.slice(-2000)).toBe(0);
    expect(JSON.parse(repro.outputs['repro-report'] ?? '[]')[0]?.impact?.baseline).toBe(
      '127.0.0.1:5001/e2e/secret:2.4.1-cpu-py3.11-ubuntu24.04',
    );
    // The image was only in the registry (built by the remote builder, no local copy): docker
    // pulled it with the credentials, so the check got as far as the container (this test's base
    // has no Python, so it goes no further) and the image is now in the daemon.
    const [smoked] = JSON.parse(smoke.outputs['smoke-results'] ?? '[]') as { diagnosis?: { cause: string } }[];
    expect(smoked?.diagnosis?.cause ?? 'passed', smoke.stdout.slice(-2000)).not.toMatch(/could not be pulled/);
    expect(localCopies().length).toBeGreaterThan(0);
    for (const r of [again, smoke, repro]) {
      for (const text of [shown(r.stdout), r.summary, JSON.stringify(r.outputs)]) {
        expect(text).not.toContain(PASSWORD);
        expect(text).not.toContain(base64);
      }
    }
  }, 300_000);
});
