import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';

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
