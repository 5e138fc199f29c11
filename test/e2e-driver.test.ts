import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImageResult } from '../src/commands/build.js';
import { BASE_IMAGE, freshRepository, registryDigest, requireInfra } from './support/infra.js';
import { runAction } from './support/run-action.js';
import { runtimes } from './support/runtimes.js';

// The builder a runner has without docker/setup-buildx-action: dockerd's own, buildx's `docker`
// driver (the `default` builder here, real dockerd), which exports no cache but inline. A cache
// backend that needs export used to fail the build with buildx's "Cache export is not supported
// for the docker driver"; the action now reads the driver and uses inline cache, and says so.

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
