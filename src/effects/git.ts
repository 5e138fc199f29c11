import { execCapture } from './exec.js';

/**
 * The commit time of HEAD in `dir` (seconds since 1970), or null when `dir` is no git checkout
 * with a commit. The time images are dated with, so that rebuilding a commit dates it the same.
 */
export async function commitTime(dir: string, env: NodeJS.ProcessEnv): Promise<number | null> {
  const res = await execCapture('git', ['log', '-1', '--pretty=%ct'], { cwd: dir, env, timeoutMs: 30_000 });
  const t = res.output.trim();
  return res.code === 0 && /^\d{1,11}$/.test(t) ? Number(t) : null;
}
