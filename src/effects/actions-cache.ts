import * as cache from '@actions/cache';

/**
 * The Actions cache for the `local` cache backend. Every failure here is a
 * warning, never a failed build: the build goes on without the cache.
 */

export interface CacheLog {
  warning(message: string): void;
  info(message: string): void;
}

export function actionsCacheAvailable(): boolean {
  try {
    return cache.isFeatureAvailable();
  } catch {
    return false;
  }
}

/** Restore `dir`; returns the key that matched, or null. */
export async function restoreDir(dir: string, key: string, restoreKeys: string[], log: CacheLog): Promise<string | null> {
  try {
    const hit = await cache.restoreCache([dir], key, restoreKeys);
    return hit ?? null;
  } catch (err) {
    log.warning(`cache restore failed, building without it: ${(err as Error).message}`);
    return null;
  }
}

export async function saveDir(dir: string, key: string, log: CacheLog): Promise<boolean> {
  try {
    await cache.saveCache([dir], key);
    return true;
  } catch (err) {
    log.warning(`cache save failed (the image was built and is not affected): ${(err as Error).message}`);
    return false;
  }
}
