import http from 'node:http';
import https from 'node:https';
import { backoffMs } from '../image/retry.js';

/**
 * One HTTP request with node:http(s). Used instead of fetch for the registry:
 * it starts in a few milliseconds (fetch's engine takes ~80 ms to load on first
 * use, and on Node 20 holds the process open for ~200 ms after the last request),
 * which is most of the time of an up-to-date re-run.
 *
 * Neither httpRequest nor httpStream follows a redirect: a caller that does decides what goes
 * with each hop (the registry client sends no credentials after one).
 */

export interface HttpResponse {
  status: number;
  statusText: string;
  ok: boolean;
  /** lower-case names */
  headers: Record<string, string>;
  body: Buffer;
}

const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };

/** An answer longer than the caller allows (`maxBytes`): the request is ended, and retrying would not help. */
export class BodyTooLarge extends Error {}

export function httpRequest(
  url: string | URL,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number; maxBytes?: number } = {},
): Promise<HttpResponse> {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const u = typeof url === 'string' ? new URL(url) : url;
  const secure = u.protocol === 'https:';
  const lib = secure ? https : http;
  const idle = options.timeoutMs ?? 60_000;
  // The timeout below bounds a silence; a server that trickles a byte at a time is bounded by
  // this: the whole answer within five times it.
  let deadline: NodeJS.Timeout | undefined;
  return new Promise<HttpResponse>((resolve, reject) => {
    deadline = setTimeout(() => req.destroy(new Error(`no complete answer from ${u.host} within ${(5 * idle) / 1000} s`)), 5 * idle);
    deadline.unref();
    const req = lib.request(
      u,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.body ? { 'Content-Length': String(options.body.length) } : {}) },
        agent: secure ? agents.https : agents.http,
        timeout: idle,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        // What a server sends back is bounded: a body past maxBytes (or a Content-Length that says
        // it will be, except on a HEAD, whose Content-Length is that of a body not sent) ends the
        // request with an error, at once.
        const tooLarge = (): void => {
          req.destroy(new BodyTooLarge(`the answer from ${u.host} is larger than ${maxBytes} bytes`));
        };
        if (options.method !== 'HEAD' && Number(res.headers['content-length']) > maxBytes) return tooLarge();
        res.on('data', (c: Buffer) => {
          size += c.length;
          if (size > maxBytes) tooLarge();
          else chunks.push(c);
        });
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers))
            if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
          const status = res.statusCode ?? 0;
          // Idle keep-alive sockets must not keep the process running.
          res.socket?.unref();
          resolve({ status, statusText: res.statusMessage ?? '', ok: status >= 200 && status < 300, headers, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${idle} ms`)));
    req.on('error', reject);
    req.end(options.body);
  }).finally(() => clearTimeout(deadline));
}

/**
 * How long a `Retry-After` header asks to wait, in ms: delay-seconds or an HTTP-date (RFC 9110
 * §10.2.3); null when there is none or it cannot be read. A past date is 0.
 */
export function retryAfterMs(value: string | undefined, nowMs: number): number | null {
  const v = value?.trim() ?? '';
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // Date.parse reads IMF-fixdate and the two obsolete forms; a letter keeps "1.5" from being a date.
  const date = /[A-Za-z]/.test(v) ? Date.parse(v) : Number.NaN;
  return Number.isNaN(date) ? null : Math.max(0, date - nowMs);
}

/**
 * How long to wait before another attempt after a 429 or 5xx answer: a 429 or 503 as long as its
 * Retry-After asks, cut to `maxMs`; otherwise (or without one) the usual backoff from `baseMs`.
 */
export function retryWaitMs(
  res: { status: number; headers: Record<string, string> },
  attempt: number,
  baseMs: number,
  maxMs: number,
): number {
  const asked = res.status === 429 || res.status === 503 ? retryAfterMs(res.headers['retry-after'], Date.now()) : null;
  return asked === null ? backoffMs(attempt + 1, baseMs) : Math.min(asked, maxMs);
}

export interface HttpStream extends Omit<HttpResponse, 'body'> {
  /** the body as it arrives; the caller reads it to the end or destroys it */
  body: http.IncomingMessage;
}

/**
 * A GET whose body is read as a stream (a layer blob can be gigabytes): resolves once the
 * headers are in. `idleTimeoutMs` bounds a silence, not the whole transfer.
 */
export function httpStream(
  url: string | URL,
  options: { headers?: Record<string, string>; idleTimeoutMs?: number } = {},
): Promise<HttpStream> {
  const u = typeof url === 'string' ? new URL(url) : url;
  const secure = u.protocol === 'https:';
  const idle = options.idleTimeoutMs ?? 60_000;
  return new Promise((resolve, reject) => {
    const req = (secure ? https : http).request(
      u,
      { method: 'GET', headers: options.headers ?? {}, agent: secure ? agents.https : agents.http, timeout: idle },
      (res) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(res.headers))
          if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
        const status = res.statusCode ?? 0;
        // Idle keep-alive sockets must not keep the process running.
        res.on('end', () => res.socket?.unref());
        resolve({ status, statusText: res.statusMessage ?? '', ok: status >= 200 && status < 300, headers, body: res });
      },
    );
    // A stall before or during the body: the request and its response stream end with this error.
    req.on('timeout', () => req.destroy(new Error(`no data for ${idle} ms`)));
    req.on('error', reject);
    req.end();
  });
}
