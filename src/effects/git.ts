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

/** The commit id of HEAD in `dir` (40 or 64 hex digits), or null when `dir` is no git checkout with a commit. */
export async function headCommit(dir: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  const res = await execCapture('git', ['rev-parse', '--verify', '-q', 'HEAD'], { cwd: dir, env, timeoutMs: 30_000 });
  const id = res.output.trim();
  return res.code === 0 && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(id) ? id : null;
}
