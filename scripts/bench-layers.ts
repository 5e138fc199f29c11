// Layer-reader benchmark: prints figures, asserts nothing. Run by `npm run bench:layers`
// (scripts/bench-on-infra.sh layers: the local infrastructure up, this file bundled with ncc).
//
// Part 1, the reader alone: a 1 GiB and a 3 GiB layer (tar.gz) generated here, each read from an
// OCI layout by the streaming reader (as the inventory reads it: only the files the report reads;
// and as the determinism comparison reads it: every header, every file hashed) and by the reader
// before it (OLD_COMMIT: the blob read whole, gunzipSync into one Buffer, capped at 2 GiB). Each
// read runs in a process of its own: wall time and peak RSS (process.resourceUsage().maxRSS).
// The big files are random hex text, each 4 MiB block repeated (beyond gzip's 32 KiB window, so
// it compresses like random text, to about half): generation stays near a minute.
//
// Part 2, for real: an image with a 3 GiB layer built by BuildKit (builder bk-remote), pushed to
// 127.0.0.1:5000 as the baseline, then `gpu-image-matrix repro --baseline` against it with this
// tree's CLI bundle and with OLD_COMMIT's: wall time and peak RSS (/usr/bin/time). The layer's
// files are a 4000-character random line repeated (`yes`), which gzip packs about 170:1 to keep
// the builds short; it is read uncompressed, 3 GiB, all the same. Each build writes the time
// into that layer, so the two builds differ there and the comparison reads both 3 GiB layers too.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { createGzip } from 'node:zlib';
import { ociLayout } from '../src/effects/oci.js';
import { inventoryOf, inventorySelect } from '../src/repro/inventory.js';
import { mergeLayers } from '../src/repro/tar.js';

const root = process.argv[2] ?? process.cwd();
const OLD_COMMIT = process.env.OLD_COMMIT ?? 'b92cfc8';
const REGISTRY = '127.0.0.1:5000';
const BUILDER = 'bk-remote';
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
const work = path.join(root, '.tools/bench-layers-data');

// ---- the child: one read, its own figures ------------------------------------------------------
if (process.argv[3] === '--child') {
  const [mode = '', dir = ''] = process.argv.slice(4);
  const t0 = performance.now();
  const out: Record<string, unknown> = {};
  try {
    const entries = await ociLayout(dir).layer(0, mode === 'inventory' ? inventorySelect : undefined);
    out.entries = entries.length;
    if (mode === 'inventory') {
      const inv = inventoryOf(mergeLayers([entries]));
      out.found = `${inv.source}: ${Object.keys(inv.python).length} python, ${Object.keys(inv.debian).length} debian`;
    }
  } catch (err) {
    out.error = (err as Error).message;
  }
  out.seconds = (performance.now() - t0) / 1000;
  out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ---- a layer, generated ------------------------------------------------------------------------
function header(name: string, size: number, type = '0'): Buffer {
  const b = Buffer.alloc(512);
  b.write(name, 0);
  b.write('0000644\0', 100);
  b.write('0000000\0', 108);
  b.write('0000000\0', 116);
  b.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  b.write(`${(1700000000).toString(8)}\0`, 136);
  b.write(type, 156);
  b.write('ustar\x0000', 257);
  b.write('        ', 148);
  b.write(
    `${b
      .reduce((s, x) => s + x, 0)
      .toString(8)
      .padStart(6, '0')}\0 `,
    148,
  );
  return b;
}
const padding = (n: number): Buffer => Buffer.alloc((512 - (n % 512)) % 512);

function smallFiles(): [string, Buffer][] {
  const packages = Array.from({ length: 1500 }, (_, i) => `lib-bench-${i}`);
  const status = packages.map((p) => `Package: ${p}\nStatus: install ok installed\nVersion: 1.${p.length}-1\nDescription: x\n`).join('\n');
  const python = Array.from({ length: 200 }, (_, i) => [`bench-pkg-${i}`, `2.${i}.0`] as const);
  const files: [string, Buffer][] = [['var/lib/dpkg/status', Buffer.from(status)]];
  for (const [name, version] of python) {
    files.push([
      `usr/local/lib/python3.11/site-packages/${name.replace(/-/g, '_')}-${version}.dist-info/METADATA`,
      Buffer.from(`Metadata-Version: 2.1\nName: ${name}\nVersion: ${version}\n\n${'A description. '.repeat(200)}\n`),
    ]);
  }
  const inventory = {
    tool: 'gpu-image-matrix',
    pythonPackages: python.map(([name, version]) => ({ name, version })),
    systemPackages: packages.map((name) => ({ name, version: '1' })),
  };
  files.push(['etc/gpu-image-matrix/inventory.json', Buffer.from(JSON.stringify(inventory))]);
  return files;
}

/** A tar.gz with `bigFiles` files of 1 GiB plus the small files; gzip level 1, as fast as zlib goes. */
async function generateLayer(file: string, bigFiles: number): Promise<void> {
  const gzip = createGzip({ level: 1 });
  const sink = createWriteStream(`${file}.part`);
  const done = new Promise<void>((resolve, reject) => {
    sink.on('finish', resolve);
    sink.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(sink);
  const put = async (b: Buffer): Promise<void> => {
    if (!gzip.write(b)) await once(gzip, 'drain');
  };
  for (const [name, content] of smallFiles()) {
    await put(header(name, content.length));
    await put(content);
    await put(padding(content.length));
  }
  const block = Buffer.from(randomBytes(2 * MiB).toString('hex'));
  for (let f = 0; f < bigFiles; f++) {
    await put(header(`opt/big/part${f}.bin`, GiB));
    for (let i = 0; i < GiB / block.length; i++) await put(block);
  }
  await put(Buffer.alloc(1024));
  gzip.end();
  await done;
  renameSync(`${file}.part`, file);
}

/** An OCI layout holding one image of that one layer (linked, not copied). */
async function layoutOf(dir: string, layerFile: string): Promise<void> {
  const blobs = path.join(dir, 'blobs/sha256');
  mkdirSync(blobs, { recursive: true });
  const put = (data: Buffer): string => {
    const hex = createHash('sha256').update(data).digest('hex');
    writeFileSync(path.join(blobs, hex), data);
    return `sha256:${hex}`;
  };
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(layerFile)) hash.update(chunk as Buffer);
  const layerDigest = `sha256:${hash.digest('hex')}`;
  linkSync(layerFile, path.join(blobs, layerDigest.slice(7)));
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: put(config), size: config.length },
      layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: layerDigest, size: sizeOf(layerFile) }],
    }),
  );
  const index = {
    schemaVersion: 2,
    manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: put(manifest), size: manifest.length }],
  };
  writeFileSync(path.join(dir, 'index.json'), JSON.stringify(index));
}
const sizeOf = (file: string): number => statSync(file).size;

// ---- running and printing ----------------------------------------------------------------------
interface Figures {
  seconds: number;
  maxRssMiB: number;
  entries?: number;
  found?: string;
  error?: string;
}
function child(bundle: string, args: string[]): Figures {
  const out = execFileSync(process.execPath, [bundle, ...args], { encoding: 'utf8', maxBuffer: 16 * MiB });
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as Figures;
}
const shortError = (e: string | undefined): string => (e ? `fails: ${e.replace(/\s+/g, ' ').slice(0, 140)}` : 'reads it');

/** The old reader, bundled from OLD_COMMIT's sources: its ociLayout().layer() with its inventoryWants. */
function oldReader(): string {
  const dir = path.join(work, `old-${OLD_COMMIT}`);
  const bundle = path.join(dir, 'out/index.js');
  if (existsSync(bundle)) return bundle;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('bash', ['-c', `git -C "${root}" archive ${OLD_COMMIT} src tsconfig.json | tar -x -C "${dir}"`]);
  writeFileSync(path.join(dir, 'package.json'), '{"type": "module"}\n');
  writeFileSync(
    path.join(dir, 'read.ts'),
    `import { ociLayout } from './src/effects/oci.js';
import { inventoryOf, inventoryWants, mergeLayers } from './src/repro/inventory.js';
const [mode = '', dir = ''] = process.argv.slice(2);
const t0 = performance.now();
const out: Record<string, unknown> = {};
ociLayout(dir)
  .layer(0, mode === 'inventory' ? inventoryWants : undefined)
  .then(
    (entries) => {
      out.entries = entries.length;
      if (mode === 'inventory') {
        const inv = inventoryOf(mergeLayers([entries]));
        out.found = \`\${inv.source}: \${Object.keys(inv.python).length} python, \${Object.keys(inv.debian).length} debian\`;
      }
    },
    (err: Error) => (out.error = err.message),
  )
  .finally(() => {
    out.seconds = (performance.now() - t0) / 1000;
    out.maxRssMiB = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify(out));
  });
`,
  );
  execFileSync('npx', ['ncc', 'build', path.join(dir, 'read.ts'), '-o', path.join(dir, 'out'), '-t', '--quiet'], {
    cwd: root,
    stdio: 'inherit',
  });
  return bundle;
}

async function partOne(): Promise<void> {
  const self = process.argv[1] ?? '';
  const old = oldReader();
  console.log(`## The reader alone (node ${process.version}; each read in its own process)\n`);
  console.log('| layer (uncompressed / gzip) | reader | read as | seconds | peak RSS | result |');
  console.log('|---|---|---|---|---|---|');
  for (const big of [1, 3]) {
    const file = path.join(work, `layer-${big}g.tar.gz`);
    if (!existsSync(file)) {
      const t0 = performance.now();
      await generateLayer(file, big);
      console.error(`generated ${file} in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const layout = path.join(work, `layout-${big}g`);
    if (!existsSync(path.join(layout, 'index.json'))) await layoutOf(layout, file);
    const size = `${big} GiB + 2 MiB / ${(sizeOf(file) / MiB).toFixed(0)} MiB`;
    for (const [reader, bundle, args] of [
      ['streaming (new)', self, [root, '--child']],
      [`whole buffer (${OLD_COMMIT})`, old, []],
    ] as const) {
      for (const mode of ['inventory', 'headers']) {
        const f = child(bundle, [...args, mode, layout]);
        const result = f.error ? shortError(f.error) : `${f.entries} entries${f.found ? `; ${f.found}` : ''}`;
        const as = mode === 'inventory' ? 'inventory (report files only)' : 'comparison (all headers, hashed)';
        console.log(`| ${size} | ${reader} | ${as} | ${f.seconds.toFixed(1)} | ${f.maxRssMiB.toFixed(0)} MiB | ${result} |`);
      }
    }
  }
}

/** Peak RSS (KiB) and wall seconds of a command, from /usr/bin/time. */
function timed(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): { seconds: number; maxRssMiB: number; out: string } {
  const stats = path.join(work, 'time.txt');
  let out: string;
  try {
    out = execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', stats, file, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      encoding: 'utf8',
      maxBuffer: 64 * MiB,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (err) {
    out = String((err as { stdout?: string }).stdout ?? '');
  }
  const [seconds = '0', kib = '0'] = readFileSync(stats, 'utf8').trim().split('\n').pop()!.split(' ');
  return { seconds: Number(seconds), maxRssMiB: Number(kib) / 1024, out };
}

function partTwo(): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'gim-bench-layers-'));
  const context = path.join(dir, 'context');
  mkdirSync(context);
  writeFileSync(
    path.join(context, 'Dockerfile'),
    `FROM ${REGISTRY}/debian:bookworm\n` +
      // A new RUN line each time (its nonce): the baseline is built, not taken from an earlier run's cache.
      `RUN : ${randomBytes(4).toString('hex')} && mkdir -p /opt/big /usr/lib/python3/dist-packages/demo_pkg-1.0.dist-info && ` +
      `for i in 1 2 3; do ` +
      `yes "$(head -c 3000 /dev/urandom | base64 -w0)" | head -c ${GiB} > /opt/big/part$i; done && date +%s%N > /opt/big/built-at ` +
      `&& printf 'Metadata-Version: 2.1\\nName: demo_pkg\\nVersion: 1.0\\n' ` +
      `> /usr/lib/python3/dist-packages/demo_pkg-1.0.dist-info/METADATA\n`,
  );
  const matrix = path.join(dir, 'matrix.yml');
  writeFileSync(matrix, 'torch: 2.4.1\ncuda: cpu\npython: "3.11"\n');
  const image = `${REGISTRY}/bench/layers-${randomBytes(4).toString('hex')}`;
  const common = ['--matrix', matrix, '--image', image, '--builder', BUILDER, '--dockerfile', 'Dockerfile', '--context', context];
  const cli = path.join(root, 'dist/cli/index.js');
  const oldCli = path.join(work, `old-${OLD_COMMIT}`, 'dist/cli/index.js');
  if (!existsSync(oldCli))
    execFileSync('bash', [
      '-c',
      `git -C "${root}" archive ${OLD_COMMIT} dist | tar -x -C "${path.dirname(path.dirname(path.dirname(oldCli)))}"`,
    ]);

  console.log(`\n## repro --baseline on an image with a 3 GiB layer (BuildKit via ${BUILDER}, registry ${REGISTRY})\n`);
  const b = timed(process.execPath, [cli, 'build', ...common, '--push', '--source-date-epoch', '1700000000', '--format', 'json'], {
    cwd: dir,
  });
  console.log(`baseline build and push: ${b.seconds.toFixed(0)} s`);
  console.log('\n| CLI bundle | seconds (two builds + reading) | peak RSS | what came of it |');
  console.log('|---|---|---|---|');
  for (const [name, bundle] of [
    ['this tree', cli],
    [OLD_COMMIT, oldCli],
  ] as const) {
    const r = timed(
      process.execPath,
      [bundle, 'repro', ...common, '--baseline', '{image}:{tag}', '--fail-on', 'none', '--source-date-epoch', '1700000000'],
      {
        cwd: dir,
      },
    );
    writeFileSync(path.join(work, `repro-${name}.json`), r.out);
    let what: string;
    try {
      const [res] = (JSON.parse(r.out) as { repro: unknown[] }).repro as {
        status: string;
        error?: string;
        determinism?: { firstDifferentLayer: number | null; totalFileDiffs: number; filesNote?: string };
        impact?: { python: unknown[]; debian: unknown[]; layers: { current: number | null }[] };
      }[];
      const d = res?.determinism;
      const files = !d
        ? 'no comparison reported'
        : d.filesNote
          ? `comparison: ${d.filesNote.slice(0, 120)}`
          : `layer ${d.firstDifferentLayer} differs in ${d.totalFileDiffs} files`;
      const impact = res?.impact
        ? `impact: ${res.impact.python.length} python, ${res.impact.debian.length} debian changes`
        : `error: ${res?.error?.slice(0, 160)}`;
      what = `${res?.status}; ${files}; ${impact}`;
    } catch {
      what = `no report: ${r.out.slice(0, 200)}`;
    }
    console.log(`| ${name} | ${r.seconds.toFixed(0)} | ${r.maxRssMiB.toFixed(0)} MiB | ${what.replace(/\|/g, '/')} |`);
  }
  rmSync(dir, { recursive: true, force: true });
}

mkdirSync(work, { recursive: true });
console.log(`layer reader benchmark (${new Date().toISOString().slice(0, 10)}), node ${process.version}, old reader: ${OLD_COMMIT}\n`);
// BENCH_LAYERS_READER=0 or BENCH_LAYERS_BUILD=0 leaves out one part.
if (process.env.BENCH_LAYERS_READER !== '0') await partOne();
if (process.env.BENCH_LAYERS_BUILD !== '0') partTwo();
