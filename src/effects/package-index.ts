import { backoffMs } from '../image/retry.js';
import { ACCEPT, IndexPageError, parseIndexPage } from '../verify/index-page.js';
import type { ListingAnswer } from '../verify/check.js';
import { httpStream, retryWaitMs, type HttpStream } from './http.js';

/**
 * Reads projects' pages from package indexes (the simple repository API), for verify: one GET
 * per project and index, whatever number of entries ask, several at once. What an index sends back
 * is untrusted: the body is cut at a size, each request at a time, redirects at a count (a loop
 * ends there), a 429 or 503 waits as its Retry-After asks, within a bound.
 */

export interface PackageIndexOptions {
  /** most bytes of one page (PyPI's largest JSON pages are a few MB) */
  maxBytes?: number;
  /** most time one request may take, headers and body */
  timeoutMs?: number;
  /** requests in flight at once */
  concurrency?: number;
  retries?: number;
  /** the longest Retry-After followed; a longer one is cut to it */
  maxRetryAfterMs?: number;
}

const MAX_REDIRECTS = 5;

export class PackageIndexClient {
  /** requests sent (redirects and retries each count), for the benchmark */
  requests = 0;
  private readonly pages = new Map<string, Promise<ListingAnswer>>();
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly maxBytes: number;
  private readonly timeoutMs: number;
  private readonly concurrency: number;
  private readonly retries: number;
  private readonly maxRetryAfterMs: number;

  constructor(options: PackageIndexOptions = {}) {
    this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.concurrency = options.concurrency ?? 16;
    this.retries = options.retries ?? 2;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;
  }

  /** The page at `url` (a project's page: <index>/<project>/), fetched once and shared. */
  listing(url: string): Promise<ListingAnswer> {
    let page = this.pages.get(url);
    if (!page) {
      page = this.limited(() => this.fetchPage(url));
      this.pages.set(url, page);
    }
    return page;
  }

  private async limited<T>(task: () => Promise<T>): Promise<T> {
    while (this.active >= this.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  private async fetchPage(url: string): Promise<ListingAnswer> {
    let res: Awaited<ReturnType<PackageIndexClient['get']>>;
    try {
      res = await this.getRetrying(url);
    } catch (err) {
      return { error: (err as Error).message };
    }
    const { status, headers, body, finalUrl } = res;
    if (status === 404 || status === 410) return { absent: true };
    if (status < 200 || status >= 300) return { error: `HTTP ${status}` };
    try {
      return { listing: parseIndexPage(body.toString('utf8'), headers['content-type'] ?? '', finalUrl) };
    } catch (err) {
      if (err instanceof IndexPageError) return { error: `not an index page: ${err.message}` };
      throw err;
    }
  }

  /**
   * Bytes of a file (a wheel's tail, its METADATA): the whole file, or a range (`bytes=-65536`,
   * `bytes=100-200`). Errors are thrown: the caller says what it was reading.
   */
  async bytes(url: string, range?: string): Promise<{ status: number; body: Buffer; total: number | null }> {
    return this.limited(async () => {
      const res = await this.getRetrying(url, range ? { Range: range } : {});
      if (res.status !== 200 && res.status !== 206) throw new Error(`${url}: HTTP ${res.status}`);
      if (res.status === 200 && range) {
        // The server sent the whole file instead of the range: the range is cut from it here, so
        // that callers read the same bytes either way.
        const whole = res.body.length;
        const m = /^bytes=(\d*)-(\d*)$/.exec(range);
        const start = m?.[1] ? Number(m[1]) : Math.max(0, whole - Number(m?.[2] ?? 0));
        const end = m?.[1] && m[2] ? Math.min(Number(m[2]), whole - 1) : whole - 1;
        return { status: 206, body: res.body.subarray(start, end + 1), total: whole };
      }
      const total = Number(/\/(\d+)$/.exec(res.headers['content-range'] ?? '')?.[1] ?? (res.status === 200 ? res.body.length : NaN));
      return { status: res.status, body: res.body, total: Number.isFinite(total) ? total : null };
    });
  }

  /**
   * A GET tried again on a 429 or 5xx answer (after its Retry-After, for 429 and 503, within
   * maxRetryAfterMs) and on a network error, `retries` times; a page too large or a redirect
   * loop is final.
   */
  private async getRetrying(url: string, headers: Record<string, string> = {}): ReturnType<PackageIndexClient['get']> {
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await this.get(url, headers);
        if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
          await sleep(retryWaitMs(res, attempt, 300, this.maxRetryAfterMs));
          continue;
        }
        return res;
      } catch (err) {
        if (err instanceof PageTooLarge || err instanceof TooManyRedirects || attempt >= this.retries) throw err;
        await sleep(backoffMs(attempt + 1, 300));
      }
    }
  }

  /** One GET, redirects followed, the body read within the bounds. */
  private async get(
    start: string,
    extraHeaders: Record<string, string> = {},
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer; finalUrl: string }> {
    let url = start;
    const seen = new Set<string>();
    for (let hops = 0; ; hops++) {
      this.requests++;
      const res = await withTimeout(
        httpStream(url, { headers: { Accept: ACCEPT, ...extraHeaders }, idleTimeoutMs: this.timeoutMs }),
        this.timeoutMs,
        `no answer from ${url} within ${this.timeoutMs} ms`,
      );
      if (res.status >= 300 && res.status < 400 && res.headers.location) {
        res.body.destroy();
        const next = new URL(res.headers.location, url);
        if (next.protocol !== 'https:' && next.protocol !== 'http:')
          throw new TooManyRedirects(`${url} redirects to a ${next.protocol} URL`);
        if (hops >= MAX_REDIRECTS || seen.has(next.href)) {
          throw new TooManyRedirects(`${start} redirects in a loop or more than ${MAX_REDIRECTS} times`);
        }
        seen.add(url);
        url = next.href;
        continue;
      }
      const body = await this.read(res, url);
      return { status: res.status, headers: res.headers, body, finalUrl: url };
    }
  }

  private async read(res: HttpStream, url: string): Promise<Buffer> {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes) {
      res.body.destroy();
      throw new PageTooLarge(`${url} is ${declared} bytes, more than the ${this.maxBytes} a page may be`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const deadline = setTimeout(() => res.body.destroy(new Error(`${url} took more than ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      for await (const chunk of res.body as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > this.maxBytes) {
          res.body.destroy();
          throw new PageTooLarge(`${url} sent more than the ${this.maxBytes} bytes a page may be`);
        }
        chunks.push(chunk);
      }
    } finally {
      clearTimeout(deadline);
    }
    return Buffer.concat(chunks);
  }
}

class PageTooLarge extends Error {}
class TooManyRedirects extends Error {}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
