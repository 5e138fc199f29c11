// Layer compression benchmark on the local infrastructure (scripts/infra.sh): prints a table,
// asserts nothing. The image: Debian's torch (debian-torch:bookworm) plus one layer holding a copy
// of its /usr/lib (about 1.1 GB of real shared libraries, what a CUDA image's layers are made of).
// Each run builds and pushes it with the committed CLI bundle from an empty builder cache (so the
// layer is made, and compressed, in that run) to a fresh repository: gzip (the default) and zstd.
// Run by scripts/bench-on-infra.sh compression; BENCH_RUNS (2) runs of each.
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
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-compression-'));
const runs = Number(process.env.BENCH_RUNS ?? 2);

const context = path.join(work, 'context');
mkdirSync(context);
writeFileSync(path.join(context, 'Dockerfile'), `FROM ${REGISTRY}/debian-torch:bookworm\nRUN cp -a /usr/lib /libcopy && du -sh /libcopy\n`);
const matrix = path.join(work, 'matrix.yml');
writeFileSync(matrix, 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\n');

function build(compression: string): { seconds: number; size: number } {
  execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'ignore' });
  const repo = `${REGISTRY}/bench/compression-${randomBytes(3).toString('hex')}`;
  const t0 = performance.now();
  const out = execFileSync(
    'node',
    [
      cli,
      'build',
      '--matrix',
      matrix,
      '--dockerfile',
      'Dockerfile',
      '--context',
      context,
      '--builder',
      BUILDER,
      '--image',
      repo,
      '--push',
      '--cache',
      'none',
      '--verify',
      'false',
      '--compression',
      compression,
      // the push as measured before the duplicate scan existed: the scan has its own benchmark
      '--duplicate-scan',
      'false',
      '--format',
      'json',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const seconds = (performance.now() - t0) / 1000;
  const [image] = (JSON.parse(out) as { images: { size: number }[] }).images;
  return { seconds, size: image?.size ?? 0 };
}

const rows: string[][] = [];
for (const c of ['gzip', 'zstd']) {
  const results = Array.from({ length: runs }, () => build(c));
  const mib = (results[0]?.size ?? 0) / 1048576;
  rows.push([
    c,
    results.map((r) => r.seconds.toFixed(1)).join(', '),
    Math.min(...results.map((r) => r.seconds)).toFixed(1),
    mib.toFixed(0),
  ]);
}
console.log(`layer compression: build and push of debian-torch plus a copy of its /usr/lib, ${runs} runs each, empty builder cache\n`);
console.log('| compression | runs (s) | best (s) | pushed image (MiB) |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
rmSync(work, { recursive: true, force: true });
