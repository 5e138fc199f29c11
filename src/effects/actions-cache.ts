/**
 * The Actions cache for the `local` cache backend (and the duplicate scan's layers). Every failure here is a
 * warning, never a failed build: the build goes on without the cache.
 *
 * @actions/cache (with the Azure storage SDK it pulls in) is most of the
 * bundle's size, so it is loaded only when this backend is used: every other
 * run starts without parsing it.
 */
type CacheModule = typeof import('@actions/cache');
let loaded: Promise<CacheModule> | undefined;
const cacheModule = (): Promise<CacheModule> => (loaded ??= import('@actions/cache'));

export interface CacheLog {
  warning(message: string): void;
  info(message: string): void;
}

/** Whether an Actions cache service is configured (what @actions/cache's isFeatureAvailable checks). */
export function actionsCacheAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_CACHE_URL || env.ACTIONS_RESULTS_URL);
}

/** How long one cache operation may take before the build goes on without it (a hanging cache service). */
export const CACHE_OPERATION_TIMEOUT_MS = 120_000;

function bounded<T>(work: Promise<T>, what: string, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${Math.round(timeoutMs / 1000)} s`)), timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Restore `dir`; returns the key that matched, or null. `without` says what happens when it fails. */
export async function restoreDir(
  dir: string,
  key: string,
  restoreKeys: string[],
  log: CacheLog,
  timeoutMs = CACHE_OPERATION_TIMEOUT_MS,
  without = 'building without it',
): Promise<string | null> {
  try {
    const cache = await cacheModule();
    const hit = await bounded(cache.restoreCache([dir], key, restoreKeys), 'the Actions cache', timeoutMs);
    return hit ?? null;
  } catch (err) {
    log.warning(`cache restore failed, ${without}: ${(err as Error).message}`);
    return null;
  }
}

export async function saveDir(
  dir: string,
  key: string,
  log: CacheLog,
  timeoutMs = CACHE_OPERATION_TIMEOUT_MS,
  unaffected = 'the image was built and is not affected',
): Promise<boolean> {
  try {
    const cache = await cacheModule();
    await bounded(cache.saveCache([dir], key), 'the Actions cache', timeoutMs);
    return true;
  } catch (err) {
    log.warning(`cache save failed (${unaffected}): ${(err as Error).message}`);
    return false;
  }
}
