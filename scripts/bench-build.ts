// Build benchmark on the local infrastructure (scripts/infra.sh): prints a table, asserts nothing.
// "ours" is the committed CLI bundle (`gpu-image-matrix build`); "plain" is the way
// docker/build-push-action does the same work: docker buildx build --push with
// --cache-from/--cache-to type=registry (mode=max) and no skip. Run by scripts/bench-on-infra.sh build.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2] ?? process.cwd();
const REGISTRY = '127.0.0.1:5000';
const BUILDER = 'bk-remote';
const cli = path.join(root, 'dist/cli/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-build-'));
const run = randomBytes(3).toString('hex');

// Two entries; per entry a 24 MiB "Python" layer, a 24 MiB "torch" layer and a small top layer.
// Random bytes do not compress, so pushes move real data.
const dockerfile = `ARG LOCAL_BASE=${REGISTRY}/debian:bookworm
FROM \${LOCAL_BASE}
ARG PYTHON_VERSION
RUN head -c 25165824 /dev/urandom > /python-layer && echo "python \${PYTHON_VERSION}" > /python-version
ARG TORCH_VERSION
RUN head -c 25165824 /dev/urandom > /torch-layer && echo "torch \${TORCH_VERSION}" > /torch-version
ARG TOP=one
RUN head -c 1048576 /dev/urandom > /top-layer && echo "top \${TOP}" > /top
`;
const context = path.join(work, 'context');
mkdirSync(context);
writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
const matrix = path.join(work, 'matrix.yml');
writeFileSync(matrix, 'torch: [2.4.1, 2.5.1]\ncuda: cpu\npython: "3.11"\n');
const entries = [
  { tag: '2.5.1-cpu-py3.11-ubuntu24.04', torch: '2.5.1' },
  { tag: '2.4.1-cpu-py3.11-ubuntu24.04', torch: '2.4.1' },
];

function prune(): void {
  execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'ignore' });
}

function timed(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
}

function ours(repo: string, extra: string[] = []): number {
  return timed(() => {
    execFileSync(
      process.execPath,
      [
        cli,
        'build',
        '--matrix',
        matrix,
        '--image',
        repo,
        '--push',
        '--cache',
        'registry',
        '--builder',
        BUILDER,
        '--dockerfile',
        'Dockerfile',
        '--context',
        context,
        '--format',
        'json',
        // BENCH_DUPLICATE_SCAN=false: the build without its duplicate scan (on by default)
        ...(process.env.BENCH_DUPLICATE_SCAN ? ['--duplicate-scan', process.env.BENCH_DUPLICATE_SCAN] : []),
        ...extra,
      ],
      { stdio: ['ignore', 'ignore', 'ignore'] },
    );
  });
}

/** What build-push-action runs per matrix job, here one after the other for the two entries. */
function plain(repo: string, top = 'one'): number {
  return timed(() => {
    for (const e of entries) {
      const cacheRef = `${repo}:cache-${e.torch}`;
      execFileSync(
        'docker',
        [
          'buildx',
          'build',
          '--builder',
          BUILDER,
          '--progress',
          'plain',
          '--provenance=false',
          '--build-arg',
          'PYTHON_VERSION=3.11',
          '--build-arg',
          `TORCH_VERSION=${e.torch}`,
          '--build-arg',
          `TOP=${top}`,
          '--tag',
          `${repo}:${e.tag}`,
          '--cache-from',
          `type=registry,ref=${cacheRef}`,
          '--cache-to',
          `type=registry,ref=${cacheRef},mode=max`,
          '--push',
          context,
        ],
        { stdio: 'ignore' },
      );
    }
  });
}

/** Building and pushing the top layer alone: FROM the pushed image, only the top RUN. */
function topLayerAlone(repo: string): number {
  const only = path.join(work, 'top-only');
  mkdirSync(only, { recursive: true });
  return timed(() => {
    for (const e of entries) {
      writeFileSync(
        path.join(only, 'Dockerfile'),
        `FROM ${repo}:${e.tag}\nARG TOP\nRUN head -c 1048576 /dev/urandom > /top-layer && echo "top \${TOP}" > /top\n`,
      );
      execFileSync(
        'docker',
        [
          'buildx',
          'build',
          '--builder',
          BUILDER,
          '--progress',
          'plain',
          '--provenance=false',
          '--build-arg',
          'TOP=alone',
          '--tag',
          `${repo}:${e.tag}-top`,
          '--push',
          only,
        ],
        { stdio: 'ignore' },
      );
    }
  });
}

type Scenario = 'cold' | 'cache' | 'skip' | 'top';
const ROUNDS = 2;
const totals: Record<Scenario, { ours: number; plain: number }> = {
  cold: { ours: 0, plain: 0 },
  cache: { ours: 0, plain: 0 },
  skip: { ours: 0, plain: 0 },
  top: { ours: 0, plain: 0 },
};
let alone = 0;
// Each round uses fresh repositories; the order of ours and plain alternates between rounds,
// so neither side always profits from a warm page cache. Every timed run starts from an
// empty builder, as a new CI runner does.
for (let round = 0; round < ROUNDS; round++) {
  const oursRepo = `${REGISTRY}/bench/ours-${run}-${round}`;
  const plainRepo = `${REGISTRY}/bench/plain-${run}-${round}`;
  const both = (scenario: Scenario, o: () => number, p: () => number): void => {
    const order =
      round % 2 === 0
        ? ([
            ['ours', o],
            ['plain', p],
          ] as const)
        : ([
            ['plain', p],
            ['ours', o],
          ] as const);
    for (const [side, fn] of order) {
      prune();
      totals[scenario][side] += fn() / ROUNDS;
    }
  };
  both(
    'cold',
    () => ours(oursRepo),
    () => plain(plainRepo),
  );
  both(
    'cache',
    () => ours(oursRepo, ['--skip-existing', 'false']),
    () => plain(plainRepo),
  );
  both(
    'skip',
    () => ours(oursRepo),
    () => plain(plainRepo),
  );
  both(
    'top',
    () => ours(oursRepo, ['--build-arg', `TOP=two-${round}`]),
    () => plain(plainRepo, `two-${round}`),
  );
  prune();
  alone += topLayerAlone(oursRepo) / ROUNDS;
}
const rows = [
  { scenario: 'cold build + push (2 entries)', ...totals.cold },
  { scenario: 'fresh builder, rebuild from registry cache', ...totals.cache },
  { scenario: 'unchanged re-run, fresh builder', ...totals.skip },
  { scenario: 'top layer changed, fresh builder', ...totals.top },
];
const [coldOurs, skipOurs, skipPlain, topOurs] = [totals.cold.ours, totals.skip.ours, totals.skip.plain, totals.top.ours];

rmSync(work, { recursive: true, force: true });

const fmt = (s: number): string => `${s.toFixed(2)} s`;
console.log(
  `build benchmark (${new Date().toISOString().slice(0, 10)}), BuildKit via buildx builder ${BUILDER}, ` +
    `registry ${REGISTRY}, node ${process.version}; mean of ${ROUNDS} rounds`,
);
console.log('');
console.log('| scenario | gpu-image-matrix | plain buildx (build-push-action style) | ours / plain |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.scenario} | ${fmt(r.ours)} | ${fmt(r.plain)} | ${(r.ours / r.plain).toFixed(3)} |`);
console.log('');
console.log(`unchanged re-run / cold build (goal <= 0.05): ${(skipOurs / coldOurs).toFixed(3)}`);
console.log(`plain rebuild / our unchanged re-run (goal >= 10): ${(skipPlain / skipOurs).toFixed(1)}x`);
console.log(`top-layer change / building and pushing the top layer alone, ${fmt(alone)} (goal <= 1.3): ${(topOurs / alone).toFixed(2)}`);
