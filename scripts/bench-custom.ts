// Customisation benchmark on the local infrastructure (scripts/infra.sh): prints a table, asserts
// nothing. The embedded template FROM a local image holding Debian's CPU torch with pip (the
// base-image path), with the team's additions from a package index served here. Each build runs
// the committed CLI bundle; "cold" builds start from an empty BuildKit cache, the others from
// the registry cache the earlier builds exported. Run by scripts/bench-on-infra.sh custom.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildWheels, servePipIndex } from '../test/support/pip-index.js';

const root = process.argv[2] ?? process.cwd();
const REGISTRY = '127.0.0.1:5000';
const BUILDER = 'bk-remote';
const TORCH_IMAGE = `${REGISTRY}/debian-torch:bookworm`;
const BASE = `${REGISTRY}/gim-fixtures/torch-pip:bookworm`;
const cli = path.join(root, 'dist/cli/index.js');
const work = mkdtempSync(path.join(tmpdir(), 'gim-bench-custom-'));
const run = randomBytes(3).toString('hex');

const COMPAT = JSON.stringify({
  schemaVersion: 1,
  torch: [
    {
      minor: '1.13',
      status: 'stable',
      python: { supported: ['3.11'], experimental: [] },
      cuda: { variants: ['cu117'], pypiDefault: 'cu117', cudnn: { cu117: '8.5.0.96' } },
      patches: [{ torch: '1.13.0', torchvision: null, torchaudio: null }],
    },
  ],
});

interface Row {
  what: string;
  seconds: number;
  status: string;
  cached: string;
}

function prune(): void {
  execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'ignore' });
}

/** The CLI, run without blocking this process: the package index it installs from is served here. */
async function build(what: string, repo: string, flags: string[]): Promise<Row> {
  const t0 = performance.now();
  const out = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      [
        cli,
        'build',
        '--matrix',
        'matrix.yml',
        '--compat-file',
        'compat.json',
        '--image',
        repo,
        '--push',
        '--builder',
        BUILDER,
        '--format',
        'json',
        ...flags,
      ],
      { cwd: work, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (_err, stdout) => resolve(stdout),
    );
  });
  const seconds = (performance.now() - t0) / 1000;
  const image =
    (JSON.parse(out || '{"images":[{}]}') as { images: { status?: string; cachedSteps?: number | null; totalSteps?: number | null }[] })
      .images[0] ?? {};
  return { what, seconds, status: image.status ?? 'error', cached: image.totalSteps ? `${image.cachedSteps}/${image.totalSteps}` : '-' };
}

async function main(): Promise<void> {
  const ctx = path.join(work, 'base');
  mkdirSync(ctx);
  writeFileSync(
    path.join(ctx, 'Dockerfile'),
    `FROM ${TORCH_IMAGE}\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get ` +
      `install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\n`,
  );
  execFileSync('docker', ['pull', '-q', TORCH_IMAGE], { stdio: 'ignore' });
  execFileSync('docker', ['build', '-q', '-t', BASE, ctx], { stdio: 'ignore' });
  execFileSync('docker', ['push', '-q', BASE], { stdio: 'ignore' });
  buildWheels(
    path.join(work, 'wheels'),
    [
      { name: 'demo-pkg', version: '1.0' },
      { name: 'demo-pkg', version: '1.1' },
    ],
    TORCH_IMAGE,
  );
  const index = await servePipIndex(path.join(work, 'wheels'));
  writeFileSync(path.join(work, 'compat.json'), COMPAT);
  writeFileSync(path.join(work, 'matrix.yml'), 'torch: 1.13.0\ncuda: cpu\npython: "3.11"\n');
  writeFileSync(path.join(work, 'requirements.txt'), `demo-pkg==1.0 --hash=sha256:${index.hashes.get('demo-pkg==1.0')}\n`);
  writeFileSync(path.join(work, 'post.sh'), '#!/bin/sh\nmkdir -p /opt/app && echo ok > /opt/app/ready\n');
  const common = ['--base-image', BASE, '--pip-index-url', index.url];
  const team = [
    ...common,
    '--apt-packages',
    'hello',
    '--requirements',
    'requirements.txt',
    '--user',
    'app',
    '--workdir',
    '/srv/app',
    '--post-install',
    'post.sh',
  ];
  const repo = `${REGISTRY}/bench/custom-${run}`;
  const rows: Row[] = [];
  try {
    prune();
    rows.push(await build('base-image only (pin + inventory steps), cold', `${REGISTRY}/bench/bare-${run}`, common));
    prune();
    rows.push(await build('customised (apt, hashed requirements, user, workdir, post-install), cold', repo, team));
    rows.push(await build('the same again: skipped by content hash', repo, team));
    prune();
    rows.push(await build('a pip-packages change, fresh builder, registry cache', repo, [...team, '--pip-packages', 'demo-pkg==1.1']));
    prune();
    rows.push(
      await build('another team: other apt package, fresh builder, its own cache', `${REGISTRY}/bench/other-${run}`, [
        ...common,
        '--apt-packages',
        'cowsay',
      ]),
    );
  } finally {
    await index.close();
    rmSync(work, { recursive: true, force: true });
  }
  const w = Math.max(...rows.map((r) => r.what.length));
  console.log(`${'build'.padEnd(w)}  seconds  status   cached steps`);
  for (const r of rows) console.log(`${r.what.padEnd(w)}  ${r.seconds.toFixed(2).padStart(7)}  ${r.status.padEnd(7)}  ${r.cached}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
