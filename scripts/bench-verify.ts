// Benchmark of verify (not a test): prints figures, asserts nothing. Bundled by
// scripts/bench-verify.sh with ncc and run with plain node.
//
// A 64-entry torch matrix verified against a local index that answers every request after 50 ms
// (a distant index), laid out as download.pytorch.org/whl and PyPI, with a wheel for everything
// the entries need; the images are in the local registry (127.0.0.1:5000, scripts/infra.sh).
import { performance } from 'node:perf_hooks';
import { bundledCompat } from '../src/compat/load.js';
import { Verifier } from '../src/commands/verify.js';
import { emptyCustomisation } from '../src/custom/customisation.js';
import { resolvePlan } from '../src/matrix/resolve.js';
import { specFromObject } from '../src/matrix/spec.js';
import type { Runtime } from '../src/runtime.js';
import { entryNeeds } from '../src/verify/check.js';
import { withTorchNightlies } from '../src/effects/torch-nightly.js';
import { serveWheelIndex, type IndexRoot } from '../test/support/wheel-index.js';

const LATENCY_MS = 50;
const data = bundledCompat();
/** A runtime whose log prints nothing: the figures are the bench's own lines. */
const quiet: Runtime = {
  log: { info: () => {}, warning: () => {}, error: () => {}, group: (_n, fn) => fn(), untrusted: () => {} },
  env: process.env,
  docker: 'docker',
  baseDir: process.cwd(),
  now: () => new Date(),
};

const SPEC = {
  torch: ['2.5.1', '2.6.0', '2.7.1', '2.8.0', '2.9.1'],
  cuda: ['11.8', '12', '13.0'],
  python: ['3.9', '3.10', '3.11', '3.12', '3.13'],
};

/** The plan with both indexes at `host`, and numpy pinned by the team (a PyPI page too). */
function planAt(host: string) {
  const customisation = {
    ...emptyCustomisation(),
    torchIndexUrl: `${host}/whl`,
    pypiIndexUrl: `${host}/simple`,
    pipPackages: ['numpy==2.1.3'],
  };
  return resolvePlan(specFromObject(SPEC, 'bench'), data, { maxEntries: 256, customisation }).include.slice(0, 64);
}

async function main(): Promise<void> {
  // Every wheel the entries need, on the index root their build uses (paths do not depend on the host).
  const roots = new Map<string, IndexRoot>();
  const entries = planAt('http://bench.invalid');
  for (const e of entries) {
    for (const w of entryNeeds(e, data, { uvImage: 'x', ownDockerfile: false, requirementsPins: () => [], machine: 'x86_64' }).wheels) {
      const path = new URL(w.indexes[0] as string).pathname;
      const root = roots.get(path) ?? { path, files: [], format: path.startsWith('/whl') ? ('html' as const) : ('json' as const) };
      const py = `cp${e.python.replace('.', '')}`;
      const filename = `${w.project.replace(/-/g, '_')}-${w.version}-${py}-${py}-manylinux_2_28_x86_64.whl`;
      if (!root.files.some((f) => f.filename === filename)) root.files.push({ filename });
      roots.set(path, root);
    }
  }
  console.log(
    `${entries.length} entries; ${[...roots.values()].reduce((n, r) => n + r.files.length, 0)} wheel files on ${roots.size} index roots`,
  );
  const served = await serveWheelIndex([...roots.values()]);
  served.setDelay(LATENCY_MS);
  // The plan again, now against the served index's address (its port is known only now).
  const plan = planAt(served.url);
  // Every base image is nvidia/cuda on Docker Hub, which this machine cannot reach: the bench's own
  // uv image is in the local registry, and each distinct image is asked once.
  const uvImage = '127.0.0.1:5000/debian:bookworm';
  for (let round = 1; round <= 3; round++) {
    served.requests.length = 0;
    const verifier = new Verifier(data, { enabled: true, uvImage, ownDockerfile: false }, quiet);
    const t0 = performance.now();
    const verdicts = await verifier.verify(plan);
    const ms = performance.now() - t0;
    const report = verifier.report();
    const counts: Record<string, number> = {};
    for (const v of verdicts) counts[v.status] = (counts[v.status] ?? 0) + 1;
    console.log(
      `round ${round}: ${verdicts.length} entries verified in ${(ms / 1000).toFixed(2)} s ` +
        `(index answers after ${LATENCY_MS} ms); ${report.requests.indexes} index requests ` +
        `(${served.requests.length} served), ${report.requests.registries} registry requests; ` +
        Object.entries(counts)
          .map(([s, n]) => `${n} ${s}`)
          .join(', '),
    );
  }
  await served.close();
}

/**
 * torch: nightly against a nightly index as large as PyPI's: 4 variants, 60 dates (the index's
 * window), each date with torch and torchvision for 8 Pythons on x86_64 and aarch64, .metadata
 * files beside the wheels; every answer after 50 ms. Reading it, then planning a matrix of it.
 */
async function nightly(): Promise<void> {
  const variants = ['cu126', 'cu130', 'cu132', 'cpu'];
  const pythons = ['310', '311', '312', '313', '314', '314t', '315', '315t'];
  const dates = Array.from({ length: 60 }, (_, i) =>
    new Date(Date.UTC(2026, 9, 3) + i * 86_400_000).toISOString().slice(0, 10).replace(/-/g, ''),
  );
  const roots: IndexRoot[] = variants.map((v) => ({
    path: `/whl/nightly/${v}`,
    format: 'html' as const,
    metadata: true,
    files: dates.flatMap((d) =>
      ['torch', 'torchvision'].flatMap((project) =>
        pythons.flatMap((py) =>
          ['x86_64', 'aarch64'].map((machine) => ({
            filename:
              `${project}-${project === 'torch' ? '2.16.0' : '0.31.0'}.dev${d}+${v}-` +
              `cp${py.replace('t', '')}-cp${py}-manylinux_2_28_${machine}.whl`,
            requires: project === 'torch' ? ['nvidia-cudnn-cu13==9.20.0.48'] : [`torch==2.16.0.dev${d}`],
          })),
        ),
      ),
    ),
  }));
  const served = await serveWheelIndex(roots);
  served.setDelay(LATENCY_MS);
  const files = roots.reduce((n, r) => n + r.files.length, 0);
  console.log(
    `nightly: ${files} wheel files on ${roots.length} variant pages (${dates.length} dates each), answers after ${LATENCY_MS} ms`,
  );
  for (let round = 1; round <= 3; round++) {
    served.requests.length = 0;
    const t0 = performance.now();
    const withNightly = await withTorchNightlies(
      data,
      { newest: true, dates: new Set([dates[0] as string]) },
      `${served.url}/whl/nightly/{variant}`,
      quiet,
    );
    const read = performance.now() - t0;
    const t1 = performance.now();
    const plan = resolvePlan(
      specFromObject({ torch: 'nightly', cuda: ['12', '13'], python: ['3.12', '3.13', '3.14', '3.14t'] }, 'bench'),
      withNightly,
      {
        maxEntries: 256,
      },
    );
    const planned = performance.now() - t1;
    console.log(
      `round ${round}: nightly read in ${(read / 1000).toFixed(2)} s (${served.requests.length} requests: ` +
        `${served.requests.filter((r) => r.endsWith('/')).length} pages, ` +
        `${served.requests.filter((r) => r.endsWith('.metadata')).length} .metadata); ` +
        `planned ${plan.include.length} entries in ${planned.toFixed(1)} ms (${plan.include[0]?.tag})`,
    );
  }
  await served.close();
}

await main();
await nightly();
process.exit(0);
