import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The real infrastructure the end-to-end tests use, brought up by scripts/infra.sh
 * (which `npm test` runs): dockerd, a Distribution registry on 127.0.0.1:5000 holding
 * the debootstrap base image debian:bookworm, and BuildKit v0.25 behind the buildx
 * remote builder bk-remote. A missing piece is a failure, never a skip.
 */
export const REGISTRY = '127.0.0.1:5000';
export const BUILDER = 'bk-remote';
export const BASE_IMAGE = `${REGISTRY}/debian:bookworm`;

/**
 * Debian bookworm's python3-torch (scripts/infra.sh's debian-torch image) as release data, for a
 * compat-file: torch 1.13 on Python 3.11, no torchvision or torchaudio. 1.13.1 is there to ask for
 * a torch the image does not hold.
 */
export const DEBIAN_TORCH_COMPAT = JSON.stringify({
  schemaVersion: 1,
  torch: [
    {
      minor: '1.13',
      status: 'stable',
      python: { supported: ['3.11'], experimental: [] },
      cuda: { variants: ['cu117'], pypiDefault: 'cu117', cudnn: { cu117: '8.5.0.96' } },
      // a compat-file's minor replaces the bundled one whole: 1.13 was built against NumPy 1, as the bundled data says
      numpy: '<2',
      patches: [
        { torch: '1.13.0', torchvision: null, torchaudio: null },
        { torch: '1.13.1', torchvision: null, torchaudio: null },
      ],
    },
  ],
});

export function requireInfra(): void {
  const problems: string[] = [];
  const check = (what: string, file: string, args: string[]): void => {
    try {
      execFileSync(file, args, { stdio: 'pipe', timeout: 30_000 });
    } catch (err) {
      problems.push(
        `${what}: ${String((err as { stderr?: Buffer }).stderr ?? err)
          .trim()
          .split('\n')
          .pop()}`,
      );
    }
  };
  check('dockerd', 'docker', ['info', '--format', '{{.ServerVersion}}']);
  check(`buildx builder ${BUILDER}`, 'docker', ['buildx', 'inspect', BUILDER]);
  check(`registry ${REGISTRY}`, 'curl', ['-fsS', `http://${REGISTRY}/v2/`]);
  check(`base image ${BASE_IMAGE}`, 'curl', [
    '-fsS',
    '-o',
    '/dev/null',
    '-H',
    'Accept: application/vnd.docker.distribution.manifest.v2+json',
    `http://${REGISTRY}/v2/debian/manifests/bookworm`,
  ]);
  if (problems.length) {
    throw new Error(`the end-to-end tests need the local infrastructure (scripts/infra.sh, run by npm test):\n  ${problems.join('\n  ')}`);
  }
}

/** A repository name no earlier run used, so registry state from other runs cannot leak in. */
export function freshRepository(prefix: string): string {
  return `${REGISTRY}/e2e/${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The digest the registry serves for repo:tag (repo without the registry host), or null. */
export async function registryDigest(repository: string, tag: string): Promise<string | null> {
  const path = repository.replace(`${REGISTRY}/`, '');
  const res = await fetch(`http://${REGISTRY}/v2/${path}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      Accept:
        'application/vnd.oci.image.manifest.v1+json, ' +
        'application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json, ' +
        'application/vnd.docker.distribution.manifest.list.v2+json',
    },
  });
  return res.ok ? res.headers.get('docker-content-digest') : null;
}

/** Empty BuildKit's cache, so a rebuild can only be cached through a cache backend. */
export function pruneBuilder(): void {
  execFileSync('docker', ['buildx', 'prune', '-af', '--builder', BUILDER], { stdio: 'pipe', timeout: 120_000 });
}

const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/**
 * Everything the registry holds for repo:tag, as bytes: each manifest and index, each config, and
 * each layer (gzip layers decompressed). A registry cache ref's index lists its layers and its
 * cache config as entries of `manifests`; those are read as blobs.
 */
export async function registryContents(repository: string, tag: string): Promise<Buffer[]> {
  const repo = repository.replace(`${REGISTRY}/`, '');
  const out: Buffer[] = [];
  const blob = async (digest: string): Promise<void> => {
    const res = await fetch(`http://${REGISTRY}/v2/${repo}/blobs/${digest}`);
    if (!res.ok) throw new Error(`blob ${digest}: ${res.status}`);
    const b = Buffer.from(await res.arrayBuffer());
    out.push(b[0] === 0x1f && b[1] === 0x8b ? gunzipSync(b) : b);
  };
  const visit = async (ref: string): Promise<void> => {
    const res = await fetch(`http://${REGISTRY}/v2/${repo}/manifests/${ref}`, { headers: { Accept: MANIFEST_TYPES.join(', ') } });
    if (!res.ok) throw new Error(`manifest ${repo}:${ref}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    out.push(body);
    const m = JSON.parse(body.toString('utf8')) as {
      manifests?: { digest: string; mediaType: string }[];
      config?: { digest: string };
      layers?: { digest: string }[];
    };
    for (const d of m.manifests ?? []) await (MANIFEST_TYPES.includes(d.mediaType) ? visit(d.digest) : blob(d.digest));
    if (m.config) await blob(m.config.digest);
    for (const l of m.layers ?? []) await blob(l.digest);
  };
  await visit(tag);
  return out;
}

/** Debian's torch image (scripts/infra.sh), and the same with pip added: a base-image such as pytorch/pytorch or NGC's. */
export const TORCH_IMAGE = `${REGISTRY}/debian-torch:bookworm`;
export const TORCH_PIP_IMAGE = `${REGISTRY}/gim-fixtures/torch-pip:bookworm`;

/** Build and push TORCH_PIP_IMAGE (docker's cache makes a second call cheap); `dir` is a scratch folder for its context. */
export function pushTorchPipImage(dir: string): void {
  const ctx = path.join(dir, 'torch-pip');
  mkdirSync(ctx, { recursive: true });
  writeFileSync(
    path.join(ctx, 'Dockerfile'),
    `FROM ${TORCH_IMAGE}\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get ` +
      `install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\n`,
  );
  execFileSync('docker', ['pull', '-q', TORCH_IMAGE], { stdio: 'pipe', timeout: 300_000 });
  execFileSync('docker', ['build', '-q', '-t', TORCH_PIP_IMAGE, ctx], { stdio: 'pipe', timeout: 600_000 });
  execFileSync('docker', ['push', '-q', TORCH_PIP_IMAGE], { stdio: 'pipe', timeout: 600_000 });
}
