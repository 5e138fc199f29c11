import http from 'node:http';
import https from 'node:https';

/**
 * One HTTP request with node:http(s). Used instead of fetch for the registry:
 * it starts in a few milliseconds (fetch's engine takes ~80 ms to load on first
 * use, and on Node 20 holds the process open for ~200 ms after the last request),
 * which is most of the time of an up-to-date re-run.
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

export function httpRequest(
  url: string | URL,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  const u = typeof url === 'string' ? new URL(url) : url;
  const secure = u.protocol === 'https:';
  const lib = secure ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      u,
      {
        method: options.method ?? 'GET',
        headers: { ...options.headers, ...(options.body ? { 'Content-Length': String(options.body.length) } : {}) },
        agent: secure ? agents.https : agents.http,
        timeout: options.timeoutMs ?? 60_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
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
    req.on('timeout', () => req.destroy(new Error(`timed out after ${options.timeoutMs ?? 60_000} ms`)));
    req.on('error', reject);
    req.end(options.body);
  });
}
