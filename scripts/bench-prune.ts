// Retention benchmark on the local registry (scripts/infra.sh): prints a table, asserts nothing.
// A repository of K entry keys with B builds each (K*B content tags, each its own image: a config
// with its own creation label over one shared layer) plus an entry tag per key, written through
// the registry API; then the committed CLI's prune, as a dry run and applied, timed.
// Run by scripts/bench-on-infra.sh prune. BENCH_KEYS (50) and BENCH_BUILDS (20) size it.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const root = process.argv[2] ?? process.cwd();
const REGISTRY = '127.0.0.1:5000';
const cli = path.join(root, 'dist/cli/index.js');
const keys = Number(process.env.BENCH_KEYS ?? 50);
const builds = Number(process.env.BENCH_BUILDS ?? 20);
const keep = 3;
const repo = `bench/prune-${randomBytes(3).toString('hex')}`;
const base = `http://${REGISTRY}/v2/${repo}`;
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';

const sha = (b: Buffer): string => `sha256:${createHash('sha256').update(b).digest('hex')}`;

async function putBlob(body: Buffer): Promise<string> {
  const digest = sha(body);
  const start = await fetch(`${base}/blobs/uploads/`, { method: 'POST' });
  const location = new URL(start.headers.get('location') as string, `http://${REGISTRY}`);
  location.searchParams.set('digest', digest);
  const res = await fetch(location, { method: 'PUT', body, headers: { 'Content-Type': 'application/octet-stream' } });
  if (!res.ok) throw new Error(`blob upload: ${res.status}`);
  return digest;
}

async function putManifest(tag: string, body: Buffer): Promise<void> {
  const res = await fetch(`${base}/manifests/${tag}`, { method: 'PUT', body, headers: { 'Content-Type': OCI_MANIFEST } });
  if (!res.ok) throw new Error(`manifest ${tag}: ${res.status}`);
}

async function fill(): Promise<number> {
  const layer = Buffer.from(randomBytes(1024));
  const layerDigest = await putBlob(layer);
  const t0 = performance.now();
  for (let k = 0; k < keys; k++) {
    const key = createHash('sha256').update(`key${k}`).digest('hex').slice(0, 12);
    for (let b = 0; b < builds; b++) {
      const created = new Date(Date.UTC(2026, 0, 1 + b)).toISOString();
      const config = Buffer.from(
        JSON.stringify({
          architecture: 'amd64',
          os: 'linux',
          config: { Labels: { 'org.opencontainers.image.created': created } },
          rootfs: { type: 'layers', diff_ids: [sha(layer)] },
        }),
      );
      const configDigest = await putBlob(config);
      const manifest = Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: OCI_MANIFEST,
          config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length },
          layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: layerDigest, size: layer.length }],
        }),
      );
      const hash = createHash('sha256').update(`${k}-${b}`).digest('hex').slice(0, 16);
      await putManifest(`gim-${key}-${hash}`, manifest);
      // the entry tag follows the newest build
      if (b === builds - 1) await putManifest(`entry-${k}`, manifest);
    }
  }
  return (performance.now() - t0) / 1000;
}

function prune(apply: boolean): { seconds: number; going: number; rows: number } {
  const t0 = performance.now();
  const out = execFileSync(
    'node',
    [cli, 'prune', '--image', `${REGISTRY}/${repo}`, '--keep', String(keep), ...(apply ? ['--prune-apply'] : [])],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const seconds = (performance.now() - t0) / 1000;
  const rows = (JSON.parse(out) as { prune: { rows: { action: string }[] } }).prune.rows;
  return { seconds, going: rows.filter((r) => r.action === 'delete').length, rows: rows.length };
}

async function main(): Promise<void> {
  const filled = await fill();
  const dry = prune(false);
  const applied = prune(true);
  const after = prune(false);
  const line = (name: string, r: { seconds: number; going: number; rows: number }): string =>
    `| ${name} | ${r.rows} | ${r.going} | ${r.seconds.toFixed(2)} |`;
  console.log(
    `prune benchmark: ${keys} keys x ${builds} builds = ${keys * builds} content tags + ${keys} entry tags ` +
      `(written in ${filled.toFixed(1)} s), keep ${keep}`,
  );
  console.log('| run | tags read | tags to delete | seconds |');
  console.log('|---|---|---|---|');
  console.log(line('dry run', dry));
  console.log(line('apply', applied));
  console.log(line('dry run after', after));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
