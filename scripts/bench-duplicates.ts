// Duplicated-library scan benchmark on the local infrastructure (scripts/infra.sh): prints figures,
// asserts nothing. The image: Debian's torch (debian-torch:bookworm), a layer holding a copy of its
// /usr/lib (about 1.1 GB of real shared libraries, each now held twice), a layer with a 64 MiB
// library in /usr/lib/x86_64-linux-gnu (the system copy a cudnn base brings), and a package layer
// with the same library under site-packages/nvidia (the wheel's copy): the CUDA double install.
// It is built and pushed with the committed CLI bundle (scan off) from an empty builder cache, and
// BuildKit's own timings of that build's layer export (compression) and push are read from its log.
// Then the scan, in process, as the build runs it: first the base alone (remembered per layer, as in
// a run), then the image, which reads only the three new layers: seconds per GiB against the push.
// Run by scripts/bench-on-infra.sh duplicates; BENCH_RUNS (2) scans of each.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { scanLibraries, type LayerMemo } from '../src/effects/library-scan.js';
import { registryImage } from '../src/effects/oci.js';
import { RegistryClient } from '../src/effects/registry.js';
import { parseRepository } from '../src/image/reference.js';
import { bundledCompat } from '../src/compat/load.js';
import { nvidiaCudaImage } from '../src/frameworks/framework.js';
import { DEFAULT_MAX_ENTRIES, resolvePlans } from '../src/matrix/resolve.js';
import { parseMatrixSpecs } from '../src/matrix/spec.js';
import { renderDockerfile } from '../src/template/dockerfile.js';

const root = process.argv[2] ?? process.cwd();
const REGISTRY = '127.0.0.1:5000';
const BUILDER = 'bk-remote';
const BASE = 'debian-torch';
const cli = path.join(root, 'dist/cli/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-duplicates-'));
const runs = Number(process.env.BENCH_RUNS ?? 2);
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;

const context = path.join(work, 'context');
mkdirSync(context);
const SYS = '/usr/lib/x86_64-linux-gnu';
const WHEEL = '/opt/venv/lib/python3.12/site-packages/nvidia/bench/lib';
writeFileSync(
  path.join(context, 'Dockerfile'),
  [
    `FROM ${REGISTRY}/${BASE}:bookworm`,
    'ARG NONCE',
    'RUN echo "$NONCE" > /nonce && cp -a /usr/lib /libcopy',
    `RUN head -c ${64 * MiB} /dev/urandom > ${SYS}/libbench.so.9.1.0 && ln -s libbench.so.9.1.0 ${SYS}/libbench.so.9`,
    `RUN mkdir -p ${WHEEL} && cp ${SYS}/libbench.so.9.1.0 ${WHEEL}/libbench.so.9`,
    '',
  ].join('\n'),
);
const matrix = path.join(work, 'matrix.yml');
writeFileSync(matrix, 'torch: 2.8.0\ncuda: cpu\npython: "3.12"\n');
const repo = `bench/duplicates-${randomBytes(3).toString('hex')}`;

execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'ignore' });
const t0 = performance.now();
const built = spawnSync(
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
    `${REGISTRY}/${repo}`,
    '--push',
    '--cache',
    'none',
    '--verify',
    'false',
    '--duplicate-scan',
    'false',
    '--build-arg',
    `NONCE=${randomBytes(6).toString('hex')}`,
  ],
  { stdio: ['ignore', 'pipe', 'pipe'], cwd: work, encoding: 'utf8', maxBuffer: 256 * MiB },
);
if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr.slice(-4000)}`);
// The CLI logs (BuildKit's progress among them) on stderr.
const log = built.stderr;
const buildSeconds = (performance.now() - t0) / 1000;
// BuildKit's progress: "#9 exporting layers 21.3s done", "#9 pushing layers 3.1s done".
const step = (name: string): number =>
  [...log.matchAll(new RegExp(`^\\s*#\\d+ ${name} ([\\d.]+)s done`, 'gm'))].reduce((t, m) => t + Number(m[1]), 0);
const exportSeconds = step('exporting layers');
const pushSeconds = step('pushing layers');

const registry = new RegistryClient(process.env);
const tag = '2.8.0-cpu-py3.12-ubuntu24.04';

interface Timed {
  seconds: number;
  scan: Awaited<ReturnType<typeof scanLibraries>>;
}
async function timedScan(repository: string, reference: string, memo: LayerMemo): Promise<Timed> {
  const source = registryImage(registry, parseRepository(`${REGISTRY}/${repository}`, 'bench'), reference, `${repository}:${reference}`);
  const s = performance.now();
  const scan = await scanLibraries(source, memo);
  return { seconds: (performance.now() - s) / 1000, scan };
}

/**
 * The base the template renders FROM for three torch releases, and the cudnn-runtime base it
 * rendered before issue 16 (nvidiaCudaImage with flavor runtime: what the code chose then).
 */
function templateBases(): void {
  const data = bundledCompat();
  console.log('template bases: torch runtime entries, before (cudnn-runtime) and after (slim)\n');
  console.log('| entry | before | after (rendered FROM) |');
  console.log('|---|---|---|');
  for (const spec of [
    'torch: 2.8.0\ncuda: "12.8"\npython: "3.12"',
    'torch: 2.4.1\ncuda: "12.4"\npython: "3.11"',
    'torch: 1.13.1\ncuda: "11.7"\npython: "3.10"',
  ]) {
    const [entry] = resolvePlans(parseMatrixSpecs(spec, 'bench'), data, { maxEntries: DEFAULT_MAX_ENTRIES }).include;
    if (!entry) throw new Error(`${spec} plans no entry`);
    const cuda = data.cuda.find((c) => c.version === entry.cuda);
    const before = cuda ? nvidiaCudaImage(cuda, 'runtime', entry.os.replace('ubuntu', '')) : '-';
    const from = /^FROM (nvidia\/cuda:\S+|ubuntu:\S+)$/m.exec(renderDockerfile(entry))?.[1] ?? '?';
    console.log(`| ${entry.tag} | ${before} | ${from} |`);
  }
  console.log('');
}

async function main(): Promise<void> {
  templateBases();
  const rows: string[][] = [];
  let last: Timed | undefined;
  let baseBytes = 0;
  for (let i = 0; i < runs; i++) {
    const memo: LayerMemo = new Map();
    const base = await timedScan(BASE, 'bookworm', memo);
    const image = await timedScan(repo, tag, memo);
    baseBytes = base.scan.tarBytes;
    const newBytes = image.scan.tarBytes - base.scan.tarBytes;
    rows.push([
      String(i + 1),
      `${base.seconds.toFixed(2)} (${(base.scan.tarBytes / GiB).toFixed(2)} GiB)`,
      `${image.seconds.toFixed(2)} (${(newBytes / GiB).toFixed(2)} GiB, ${image.scan.layersRead} layers)`,
      (image.seconds / (newBytes / GiB)).toFixed(2),
    ]);
    last = image;
  }
  const newGiB = ((last?.scan.tarBytes ?? 0) - baseBytes) / GiB;
  const bench = last?.scan.duplicates.find((d) => d.soname === 'libbench.so.9');

  console.log('duplicate scan: debian-torch + a copy of its /usr/lib + a 64 MiB library installed twice\n');
  console.log(`build and push (empty builder cache, scan off): ${buildSeconds.toFixed(1)} s in all`);
  console.log(
    `  BuildKit: exporting layers ${exportSeconds.toFixed(1)} s, pushing layers ${pushSeconds.toFixed(1)} s: ` +
      `${((exportSeconds + pushSeconds) / newGiB).toFixed(2)} s per GiB of the ${newGiB.toFixed(2)} GiB it made\n`,
  );
  console.log('| run | scan of the base (s) | scan of the image, base remembered (s) | scan s per GiB |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  const found = bench ? `${bench.soname}, ${(bench.bytes / MiB).toFixed(1)} MiB wasted, at ${bench.paths.join(' and ')}` : null;
  console.log(`\nfound: ${found ?? 'libbench.so.9 NOT FOUND'}`);
  console.log(
    `in all: ${(last?.scan.duplicates.length ?? 0) + (last?.scan.leftOut ?? 0)} sonames held twice, ` +
      `${((last?.scan.wastedBytes ?? 0) / MiB).toFixed(0)} MiB wasted (the /usr/lib copy holds every library again)`,
  );
  rmSync(work, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
