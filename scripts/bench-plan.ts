// Benchmark of the planner (not a test): prints figures, asserts nothing.
// Bundled by scripts/bench.sh with ncc and run with plain node.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { bundledCompat } from '../src/compat/load.js';
import { resolvePlan } from '../src/matrix/resolve.js';
import { parseMatrixSpec } from '../src/matrix/spec.js';

const root = process.argv[2] ?? process.cwd();
const nodes = process.argv.slice(3);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

// 25 torch patches x 10 CUDA selectors x 8 Pythons x 5 OS = 10,000 cells before filtering.
const data = bundledCompat();
const patches = data.torch.flatMap((r) => r.patches.map((p) => p.torch)).slice(0, 25);
const spec = JSON.stringify({
  torch: patches,
  cuda: ['11.6', '11.7', '11.8', '12.1', '12.4', '12.6', '12.8', '13.0', '13.2', 'cpu'],
  python: ['3.8', '3.9', '3.10', '3.11', '3.12', '3.13', '3.14', '3.15'],
  os: ['ubuntu18.04', 'ubuntu20.04', 'ubuntu22.04', 'ubuntu24.04', 'ubuntu26.04'],
});
const cells = 25 * 10 * 8 * 5;

const times: number[] = [];
let entries = 0;
let skipped = 0;
for (let i = 0; i < 30; i++) {
  const t0 = performance.now();
  const plan = resolvePlan(parseMatrixSpec(spec, 'bench'), data, { maxEntries: 100_000 });
  times.push(performance.now() - t0);
  entries = plan.include.length;
  skipped = plan.skipped.length;
}
console.log(`planner, ${cells} cross-product cells -> ${entries} entries, ${skipped} skipped (node ${process.version}):`);
console.log(
  `  first run ${times[0]?.toFixed(1)} ms, median of the next 29 ${median(times.slice(1)).toFixed(1)} ms, ` +
    `max ${Math.max(...times.slice(1)).toFixed(1)} ms`,
);

// Action start-up to outputs: the committed bundle run as the runner runs it.
const scratch = mkdtempSync(path.join(tmpdir(), 'gim-bench-'));
const example = readFileSync(path.join(root, 'examples/matrix.yml'), 'utf8');
for (const node of nodes) {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  for (const [what, args, env] of [
    ['action dist/index.js', [path.join(root, 'dist/index.js')], { INPUT_MATRIX: example }],
    ['CLI dist/cli/index.js', [path.join(root, 'dist/cli/index.js'), 'plan', '--matrix', path.join(root, 'examples/matrix.yml')], {}],
  ] as const) {
    const wall: number[] = [];
    for (let i = 0; i < 12; i++) {
      const out = path.join(scratch, `out-${i}`);
      writeFileSync(out, '');
      const t0 = performance.now();
      execFileSync(node, [...args], {
        env: { PATH: process.env.PATH, GITHUB_OUTPUT: out, GITHUB_WORKSPACE: root, ...env },
        stdio: ['ignore', 'ignore', 'ignore'],
      });
      wall.push(performance.now() - t0);
      if (what.startsWith('action') && !readFileSync(out, 'utf8').includes('matrix<<')) throw new Error('the action set no matrix output');
    }
    console.log(
      `${what} on node ${version}, process start to exit with outputs written: median ${median(wall.slice(2)).toFixed(0)} ms, ` +
        `max ${Math.max(...wall.slice(2)).toFixed(0)} ms (10 runs after 2 warm-ups)`,
    );
  }
}
rmSync(scratch, { recursive: true, force: true });
