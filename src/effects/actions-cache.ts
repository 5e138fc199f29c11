/**
 * The Actions cache for the `local` cache backend. Every failure here is a
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

/** Restore `dir`; returns the key that matched, or null. */
export async function restoreDir(dir: string, key: string, restoreKeys: string[], log: CacheLog): Promise<string | null> {
  try {
    const cache = await cacheModule();
    const hit = await cache.restoreCache([dir], key, restoreKeys);
    return hit ?? null;
  } catch (err) {
    log.warning(`cache restore failed, building without it: ${(err as Error).message}`);
    return null;
  }
}

export async function saveDir(dir: string, key: string, log: CacheLog): Promise<boolean> {
  try {
    const cache = await cacheModule();
    await cache.saveCache([dir], key);
    return true;
  } catch (err) {
    log.warning(`cache save failed (the image was built and is not affected): ${(err as Error).message}`);
    return false;
  }
}
