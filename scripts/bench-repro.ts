// Reproducibility-check benchmark on the local infrastructure: prints figures, asserts nothing.
// How long `gpu-image-matrix repro` takes for a 2-entry matrix, against the two builds it is
// made of, timed the same way with plain buildx: a cached build and a --no-cache build into an
// OCI layout. Run by scripts/bench-on-infra.sh repro.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2] ?? process.cwd();
const REGISTRY = '127.0.0.1:5000';
const BUILDER = 'bk-remote';
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-repro-'));
const context = path.join(work, 'context');
mkdirSync(context);
// Deterministic content of some size: ~20 MB of numbers per entry layer.
writeFileSync(
  path.join(context, 'Dockerfile'),
  `FROM ${REGISTRY}/debian:bookworm\nARG TORCH_VERSION\n` +
    `RUN seq 1 3000000 > /numbers && echo "\${TORCH_VERSION}" > /torch\nRUN seq 3000000 -1 1 > /reversed\n`,
);
const matrix = path.join(work, 'matrix.yml');
writeFileSync(matrix, 'torch: [2.4.1, 2.5.1]\ncuda: cpu\npython: "3.11"\n');

const timed = (fn: () => void): number => {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
};
const plainBuild = (torch: string, noCache: boolean): void => {
  const dest = path.join(work, `oci-${torch}-${noCache}-${Math.random().toString(36).slice(2)}`);
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
      `TORCH_VERSION=${torch}`,
      '--output',
      `type=oci,dest=${dest},tar=false,rewrite-timestamp=true`,
      ...(noCache ? ['--no-cache'] : []),
      context,
    ],
    { stdio: 'ignore', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } },
  );
};

// Warm the builder so that "cached" means cached, as in a CI job after its build step.
for (const t of ['2.4.1', '2.5.1']) plainBuild(t, false);
const rounds = 2;
let repro = 0;
let cached = 0;
let uncached = 0;
for (let i = 0; i < rounds; i++) {
  repro +=
    timed(() =>
      execFileSync(
        process.execPath,
        [
          path.join(root, 'dist/cli/index.js'),
          'repro',
          '--matrix',
          matrix,
          '--image',
          `${REGISTRY}/bench/repro`,
          '--builder',
          BUILDER,
          '--dockerfile',
          'Dockerfile',
          '--context',
          context,
          '--source-date-epoch',
          '1700000000',
          '--format',
          'json',
        ],
        { stdio: 'ignore' },
      ),
    ) / rounds;
  cached += timed(() => ['2.4.1', '2.5.1'].forEach((t) => plainBuild(t, false))) / rounds;
  uncached += timed(() => ['2.4.1', '2.5.1'].forEach((t) => plainBuild(t, true))) / rounds;
}
rmSync(work, { recursive: true, force: true });
const rest = repro - cached - uncached;
console.log(
  `repro benchmark (${new Date().toISOString().slice(0, 10)}), 2 entries, ` +
    `BuildKit via ${BUILDER}, node ${process.version}; mean of ${rounds} rounds`,
);
console.log('');
console.log('| | seconds |');
console.log('|---|---|');
console.log(`| gpu-image-matrix repro (both builds + comparison) | ${repro.toFixed(2)} |`);
console.log(`| plain buildx: the cached build into an OCI layout | ${cached.toFixed(2)} |`);
console.log(`| plain buildx: the --no-cache build into an OCI layout | ${uncached.toFixed(2)} |`);
console.log(`| the rest: comparison, tool detection, process start | ${rest.toFixed(2)} |`);
console.log('');
console.log(
  `repro / (cached build + one uncached build) = ${(repro / (cached + uncached)).toFixed(2)} (goal: ` +
    `about 1, i.e. no more than one extra uncached build plus the comparison)`,
);
console.log(`share of the repro time that is the second (uncached) build: ${((uncached / repro) * 100).toFixed(0)}%`);
