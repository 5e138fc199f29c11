import { statfs } from 'node:fs/promises';
import { hostname } from 'node:os';
import type { MatrixEntry } from '../frameworks/index.js';
import { platformsOf } from '../matrix/entry.js';
import { architectureOf } from '../matrix/platform.js';
import type { DiskProbe } from '../image/disk.js';
import { parseImageReference } from '../image/reference.js';
import { execCapture } from './exec.js';
import { registryImage } from './oci.js';
import type { RegistryClient } from './registry.js';

/**
 * The two facts the disk gate (src/image/disk.ts) needs: free space where the builder keeps its
 * data, and the compressed size of an entry's base image.
 */

/**
 * A probe of the builder's data folder, or why there is none. Only a builder on this machine can be
 * measured: buildx's docker driver (dockerd's own store) and docker-container driver (BuildKit's
 * state in a docker volume) keep their data under dockerd's root; a remote or kubernetes builder, or
 * a dockerd on another host (DOCKER_HOST, a socket of the host's mounted into a container), keeps
 * it where statfs here cannot see.
 */
export async function builderDiskProbe(
  docker: string,
  driver: string | null | undefined,
  env: NodeJS.ProcessEnv,
): Promise<DiskProbe | { unknown: string }> {
  if (driver !== 'docker' && driver !== 'docker-container') {
    return { unknown: `the builder's driver is ${driver ?? 'unknown'}: it keeps its data where this runner cannot measure it` };
  }
  const host = env.DOCKER_HOST ?? '';
  if (host && !host.startsWith('unix://')) return { unknown: `docker runs on another host (DOCKER_HOST ${host.split('://')[0]}://…)` };
  const info = await execCapture(docker, ['info', '--format', '{{.DockerRootDir}}|{{.Name}}'], { env, timeoutMs: 30_000 });
  // one short line expected; anything else is not trusted as a path
  const m = /^(\/[^\n|]{1,4096})\|([^\n|]{0,256})\n?$/.exec(info.output.slice(0, 8192));
  if (info.code !== 0 || !m) return { unknown: 'docker info did not name its root folder' };
  const [, root, name] = m as unknown as [string, string, string];
  if (name !== hostname()) return { unknown: `dockerd runs on ${JSON.stringify(name)}, not on this machine` };
  const probe: DiskProbe = {
    where: root,
    free: async () => {
      const s = await statfs(root);
      return s.bavail * s.bsize;
    },
  };
  try {
    await probe.free();
  } catch (err) {
    return { unknown: `${root} cannot be measured here (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  return probe;
}

/**
 * The compressed bytes of the base image's layers, summed over the platforms the entry is built for,
 * from its manifest (by the digest looked up before the build); null when the registry cannot tell.
 */
export async function baseImageBytes(entry: MatrixEntry, digest: string, registry: RegistryClient): Promise<number | null> {
  try {
    const { repo } = parseImageReference(entry.baseImage, 'base image');
    const shapes = await Promise.all(
      platformsOf(entry).map((p) =>
        registryImage(registry, repo, digest, `base image ${entry.baseImage}`, undefined, architectureOf(p)).shape(),
      ),
    );
    return shapes.reduce((total, shape) => total + shape.layers.reduce((sum, layer) => sum + layer.size, 0), 0);
  } catch {
    return null;
  }
}
