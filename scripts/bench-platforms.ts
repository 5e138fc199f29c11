// Multi-platform build benchmark on the local infrastructure (scripts/infra.sh, with linux/arm64
// through QEMU user-mode emulation): prints a table, asserts nothing. The same entry is built with
// the committed CLI bundle for linux/amd64 (native here), linux/arm64 (emulated) and both in one
// build, each from an empty builder cache and pushed to a fresh repository. The RUN step is a mix
// of many short processes and CPU work, as package installs are. Run by scripts/bench-on-infra.sh platforms.
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
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-platforms-'));
const runs = Number(process.env.BENCH_RUNS ?? 2);

const dockerfile = `FROM ${REGISTRY}/debian-multi:bookworm
ARG TORCH_VERSION
RUN find /usr /var/lib/dpkg -type f -exec sha256sum {} + > /sums \\
 && head -c 33554432 /dev/urandom > /payload && gzip -6 -k /payload \\
 && tar -cf /usr.tar /usr && uname -m > /machine
`;
const context = path.join(work, 'context');
mkdirSync(context);
writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
const matrix = path.join(work, 'matrix.yml');
writeFileSync(matrix, 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\n');

function build(platforms: string): number {
  execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'ignore' });
  const repo = `${REGISTRY}/bench/platforms-${randomBytes(3).toString('hex')}`;
  const t0 = performance.now();
  execFileSync(
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
      '--platforms',
      platforms,
      '--format',
      'json',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], cwd: work },
  );
  return (performance.now() - t0) / 1000;
}

const cases = ['linux/amd64', 'linux/arm64', 'linux/amd64,linux/arm64'];
const rows: string[][] = [];
for (const c of cases) {
  const times = Array.from({ length: runs }, () => build(c));
  rows.push([c, times.map((t) => t.toFixed(1)).join(', '), Math.min(...times).toFixed(1)]);
}
const native = Number(rows[0]?.[2]);
console.log(`multi-platform build, ${runs} runs each, empty builder cache, pushed (seconds)\n`);
console.log('| platforms | runs (s) | best (s) | vs linux/amd64 |');
console.log('|---|---|---|---|');
for (const [p, all, best] of rows) console.log(`| ${p} | ${all} | ${best} | ${(Number(best) / native).toFixed(1)}x |`);
rmSync(work, { recursive: true, force: true });
