import { UserError, quote } from '../errors.js';
import { cleanVersion, type ToolVersions } from '../image/buildx.js';
import { execCapture } from './exec.js';

/** What docker and buildx are on this runner, asked once per run. */
export async function detectTools(docker: string, builder: string | undefined, env: NodeJS.ProcessEnv): Promise<ToolVersions> {
  // Both at once: each is a docker CLI start (~0.25 s).
  const [version, inspect] = await Promise.all([
    execCapture(docker, ['buildx', 'version'], { env, timeoutMs: 30_000 }),
    execCapture(docker, ['buildx', 'inspect', ...(builder ? [builder] : [])], { env, timeoutMs: 60_000 }),
  ]);
  if (version.code !== 0) {
    if (/ENOENT|not found/.test(version.output) && !/buildx/.test(version.output)) {
      throw new UserError(`docker was not found (${quote(docker)}); the build command needs the docker CLI`);
    }
    return { buildx: null, buildkit: null };
  }
  const buildx = cleanVersion(/\sv?(\d+\.\d+\.\d+[^\s]*)/.exec(version.output)?.[1]);
  if (inspect.code !== 0) {
    throw new UserError(
      `buildx builder ${builder ? quote(builder) : '(the current one)'} is not usable: ${inspect.output.trim().split('\n').pop()}. ` +
        'Create one (docker/setup-buildx-action, or docker buildx create) or set input builder to an existing one',
    );
  }
  const buildkit = cleanVersion(/Build[kK]it(?: version)?:\s*v?([0-9][^\s]*)/.exec(inspect.output)?.[1]);
  // "Driver:        docker-container" (buildx commands/inspect.go prints it through a tabwriter)
  const driver = /^Driver:\s+([\w-]+)\s*$/m.exec(inspect.output)?.[1] ?? null;
  return { buildx, buildkit, driver };
}
