import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { BASE_IMAGE, BUILDER, REGISTRY, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// What users bring from docker/build-push-action, on real dockerd, BuildKit and the local registry:
// - the builder a runner has without docker/setup-buildx-action: dockerd's own, buildx's `docker`
//   driver (the `default` builder here), which exports no cache but inline. A cache backend that
//   needs export used to fail the build with buildx's "Cache export is not supported for the docker
//   driver"; the action now reads the driver and uses inline cache, and says so;
// - `dockerfile` relative to the workspace, as build-push-action's `file` is (it used to be read
//   relative to the context only, so `image/Dockerfile` with context `image` was not found);
// - org.opencontainers.image.created: the commit time, not the wall clock (which made every
//   rebuild of a commit a new image), and the base image's digest as a label.

const node = runtimes().find((r) => r.name.startsWith('node 24'))!;

beforeAll(() => requireInfra());

describe("build with the docker driver (dockerd's own builder)", () => {
  const setup = (ws: string): void => {
    mkdirSync(path.join(ws, 'image'));
    writeFileSync(
      path.join(ws, 'image/Dockerfile'),
      `FROM ${BASE_IMAGE}\nARG TORCH_VERSION\nRUN echo "torch \${TORCH_VERSION}" > /torch-version\n`,
    );
  };
  const inputs = {
    command: 'build',
    matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
    dockerfile: 'Dockerfile',
    context: 'image',
    builder: 'default',
    push: 'true',
  };

  for (const cache of ['registry', 'auto']) {
    it(`builds and pushes with cache ${cache}, using inline cache instead and saying why`, async () => {
      const repo = freshRepository(`docker-driver-${cache}`);
      const run = await runAction(node.bin, { ...inputs, image: repo, cache }, { setup, timeoutMs: 600_000 });
      expect(run.code, run.stdout.slice(-3000)).toBe(0);
      const [image] = JSON.parse(run.outputs.images ?? '[]') as ImageResult[];
      expect(image).toMatchObject({ status: 'built', cache: 'inline' });
      expect(await registryDigest(repo, image!.tag)).toBe(image!.digest);
      const said =
        cache === 'registry' ? /::warning::.*the builder uses the docker driver, which cannot export a registry cache/ : /inline cache/;
      expect(run.stdout).toMatch(said);
      expect(run.stdout).not.toMatch(/Cache export is not supported/);
    });
  }
});

describe('dockerfile relative to the workspace, as docker/build-push-action reads file', () => {
  it('builds image/Dockerfile with context image', async () => {
    const repo = freshRepository('dockerfile-path');
    const run = await runAction(
      node.bin,
      {
        command: 'build',
        matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
        dockerfile: 'image/Dockerfile',
        context: 'image',
        builder: BUILDER,
        image: repo,
        push: 'true',
      },
      {
        timeoutMs: 600_000,
        setup: (ws) => {
          mkdirSync(path.join(ws, 'image'));
          writeFileSync(path.join(ws, 'image/Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo built > /built\n`);
        },
      },
    );
    expect(run.code, run.stdout.slice(-3000)).toBe(0);
    const [image] = JSON.parse(run.outputs.images ?? '[]') as ImageResult[];
    expect(image?.status).toBe('built');
    expect(await registryDigest(repo, image!.tag)).toBe(image!.digest);
  });
});

/** The labels of repo:tag, read from the registry. */
async function labels(repo: string, tag: string): Promise<Record<string, string>> {
  const name = repo.replace(`${REGISTRY}/`, '');
  const accept = 'application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json';
  const manifest = (await (await fetch(`http://${REGISTRY}/v2/${name}/manifests/${tag}`, { headers: { Accept: accept } })).json()) as {
    config: { digest: string };
  };
  const config = (await (await fetch(`http://${REGISTRY}/v2/${name}/blobs/${manifest.config.digest}`)).json()) as {
    config: { Labels: Record<string, string> };
  };
  return config.config.Labels;
}

describe('the image is dated by its commit, not by the clock', () => {
  it('labels org.opencontainers.image.created with the commit time of HEAD, the same on a rebuild', async () => {
    const repo = freshRepository('created');
    const committed = '2024-05-06T07:08:09Z';
    const setup = (ws: string): void => {
      mkdirSync(path.join(ws, 'image'));
      writeFileSync(path.join(ws, 'image/Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo dated > /dated\n`);
      const git = (...args: string[]): void => {
        execFileSync('git', args, {
          cwd: ws,
          env: { ...process.env, GIT_AUTHOR_DATE: committed, GIT_COMMITTER_DATE: committed, HOME: ws },
          stdio: 'pipe',
        });
      };
      git('init', '-q');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'add', '.');
      git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-q', '-m', 'one');
    };
    const inputs = {
      command: 'build',
      matrix: 'torch: 2.4.1\ncuda: cpu\npython: "3.11"',
      dockerfile: 'image/Dockerfile',
      context: 'image',
      builder: BUILDER,
      image: repo,
      push: 'true',
      'skip-existing': 'false',
    };
    const created: string[] = [];
    for (let i = 0; i < 2; i++) {
      const run = await runAction(node.bin, inputs, { setup, timeoutMs: 600_000 });
      expect(run.code, run.stdout.slice(-3000)).toBe(0);
      const [image] = JSON.parse(run.outputs.images ?? '[]') as ImageResult[];
      created.push((await labels(repo, image!.tag))['org.opencontainers.image.created'] ?? '');
    }
    expect(created).toEqual(['2024-05-06T07:08:09.000Z', '2024-05-06T07:08:09.000Z']);
  });
});
