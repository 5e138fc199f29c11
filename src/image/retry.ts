/**
 * Whether a failed registry or build operation is worth another attempt.
 * Only network and server-side trouble is retried; authentication, 4xx
 * answers and failing Dockerfile steps are not (another try gives the same
 * answer). Pure: works on the text the tool printed.
 */

const PERMANENT = [
  /\b(unauthorized|authentication required|insufficient_scope|denied|forbidden)\b/i,
  /\b40[0-9]\b[^\n]*(Bad Request|Unauthorized|Forbidden|Not Found|Method Not Allowed)/i,
  /\b(manifest unknown|name unknown|name invalid|tag invalid|manifest invalid|blob unknown)\b/i,
  /did not complete successfully: exit code/,
  /dockerfile parse error|failed to parse/i,
  /failed to read dockerfile|failed to compute cache key/i,
];

const TRANSIENT = [
  /\b50[0-4]\b[^\n]*(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)/i,
  /\b(Internal Server Error|Bad Gateway|Service Unavailable|Gateway Time-?out)\b/i,
  /\b429\b|Too Many Requests/i,
  /connection reset by peer|connection refused|broken pipe/i,
  /i\/o timeout|TLS handshake timeout|context deadline exceeded|Client\.Timeout exceeded/i,
  /unexpected EOF|\bEOF\b\s*$/m,
  /server misbehaving|temporary failure in name resolution/i,
  /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up/,
];

export function isTransient(output: string): boolean {
  if (PERMANENT.some((re) => re.test(output))) return false;
  return TRANSIENT.some((re) => re.test(output));
}

/** Delay before attempt n (1-based retry number): 2 s, 4 s, 8 s ... capped at 30 s. */
export function backoffMs(retry: number, baseMs = 2000): number {
  return Math.min(baseMs * 2 ** (retry - 1), 30_000);
}

/**
 * Whether a build failed because of its cache backend rather than the build: a
 * cache that cannot be configured or reached. Such a build is run again without
 * the cache (a broken cache must never fail a build); ignore-error covers only
 * export failures after the build.
 */
const CACHE_FAILURE = [
  /failed to configure [\w-]+ cache (exporter|importer)/i,
  /failed to (export|import) cache/i,
  /error writing (manifest|layer) blob.*cache/i,
];

export function isCacheFailure(output: string): boolean {
  // A Dockerfile step that failed is the build's own failure, whatever the cache importer said
  // (on a first build it says "not found", which BuildKit only logs).
  if (/did not complete successfully: exit code/.test(output)) return false;
  return CACHE_FAILURE.some((re) => re.test(output));
}
