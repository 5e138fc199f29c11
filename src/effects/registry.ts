import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isLoopbackRegistry, type Repository } from '../image/reference.js';
import { backoffMs } from '../image/retry.js';
import { execCapture } from './exec.js';
import { httpRequest, httpStream, retryWaitMs, type HttpResponse } from './http.js';

/**
 * A small client for the OCI distribution API: look up, read and re-tag
 * manifests. Credentials come from the docker config (as docker/login-action
 * leaves them), including credential helpers; they are never logged.
 *
 * Ask with `head` whenever the digest is enough: Docker Hub counts a manifest GET
 * as a pull against its rate limit and a HEAD not ("Using GET emulates a real pull
 * and counts towards the limit. Using HEAD won't.", docker/docs
 * content/manuals/docker-hub/usage/pulls.md).
 */

const MANIFEST_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

export interface ManifestHead {
  digest: string;
  mediaType: string;
}

export interface Manifest extends ManifestHead {
  body: Buffer;
}

export class RegistryError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

interface Credentials {
  username: string;
  password: string;
}

export class RegistryClient {
  /** the last challenge (WWW-Authenticate) per registry, so a new scope asks for its token before its first request */
  private readonly challenges = new Map<string, string>();
  /**
   * Authorization per realm, service and scope (Basic: per registry). A token for
   * `repository:x:pull` is never sent with a push, which asks for `pull,push` itself: a registry
   * may answer a push with a pull token 403 rather than 401 and a new challenge.
   */
  private readonly tokens = new Map<string, string>();
  /** requests sent, for the benchmark and the "one request per entry" check */
  requests = 0;
  /** manifest GETs sent: what Docker Hub counts as pulls */
  manifestGets = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly retries = 2,
    /** told every credential read, so the runner can mask it (core.setSecret) before anything could print it */
    private readonly mask: (secret: string) => void = () => {},
    /** the longest wait a Retry-After is followed for; a longer one is cut to it */
    private readonly maxRetryAfterMs = 60_000,
  ) {}

  /** The manifest's digest ('' when the registry leaves Docker-Content-Digest out), or null when the tag does not exist. */
  async head(repo: Repository, reference: string): Promise<ManifestHead | null> {
    const res = await this.request(repo, 'HEAD', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`HEAD ${repo.registry}/${repo.path}:${reference}: ${this.failure(res)}`, res.status);
    return { digest: res.headers['docker-content-digest'] ?? '', mediaType: res.headers['content-type'] ?? '' };
  }

  /** The manifest with its body: a pull on Docker Hub, so only when the body is needed. */
  async get(repo: Repository, reference: string): Promise<Manifest | null> {
    const res = await this.request(repo, 'GET', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`GET ${repo.registry}/${repo.path}:${reference}: ${this.failure(res)}`, res.status);
    // The digest of a manifest is that of its bytes as served, when the registry does not say.
    const digest = res.headers['docker-content-digest'] || `sha256:${createHash('sha256').update(res.body).digest('hex')}`;
    return { digest, mediaType: res.headers['content-type'] ?? '', body: res.body };
  }

  /** Point `tag` at a manifest that is already in the same repository. */
  async put(repo: Repository, tag: string, manifest: Manifest): Promise<string> {
    const res = await this.request(repo, 'PUT', `/manifests/${tag}`, { 'Content-Type': manifest.mediaType }, manifest.body);
    if (!res.ok) {
      throw new RegistryError(
        `PUT ${repo.registry}/${repo.path}:${tag}: ${res.status} ${res.statusText} ${res.body.toString('utf8').slice(0, 200)}`,
        res.status,
      );
    }
    return res.headers['docker-content-digest'] ?? manifest.digest;
  }

  /**
   * A blob as a stream, for layers too large to hold in memory: a HEAD through `request` first
   * (it answers the 401 challenge and retries), then one GET with the same authorization, read
   * as it arrives, following the redirect registries use for storage without credentials.
   */
  async blobStream(repo: Repository, digest: string): Promise<Readable> {
    const suffix = `/blobs/${digest}`;
    const head = await this.request(repo, 'HEAD', suffix, {});
    if (head.status >= 400)
      throw new RegistryError(`HEAD blob ${digest} of ${repo.registry}/${repo.path}: ${head.status} ${head.statusText}`, head.status);
    const auth = await this.authorization(repo, `repository:${repo.path}:pull`, null);
    this.requests++;
    let res = await httpStream(`${this.base(repo)}${suffix}`, auth ? { headers: { Authorization: auth } } : {});
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.headers.location && hops < 5; hops++) {
      res.body.resume();
      this.requests++;
      res = await httpStream(new URL(res.headers.location, this.base(repo)));
    }
    if (!res.ok) {
      res.body.resume();
      throw new RegistryError(`GET blob ${digest} of ${repo.registry}/${repo.path}: ${res.status} ${res.statusText}`, res.status);
    }
    return res.body;
  }

  /**
   * The repository's tags, following the `Link: <...>; rel="next"` pages (distribution-spec
   * "Listing Tags"), at most `maxPages` of them: a public repository like nvidia/cuda has thousands.
   */
  async tags(repo: Repository, maxPages = 10): Promise<string[]> {
    const tags: string[] = [];
    let suffix = '/tags/list?n=1000';
    for (let page = 0; page < maxPages && suffix; page++) {
      const res = await this.request(repo, 'GET', suffix, { Accept: 'application/json' });
      if (!res.ok) throw new RegistryError(`GET tags of ${repo.registry}/${repo.path}: ${this.failure(res)}`, res.status);
      const doc = JSON.parse(res.body.toString('utf8')) as { tags?: unknown };
      if (Array.isArray(doc.tags)) tags.push(...doc.tags.filter((t): t is string => typeof t === 'string'));
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.link ?? '')?.[1];
      // The next page's path and query, kept within this repository's /tags/list.
      const url = next ? new URL(next, 'http://registry.invalid') : null;
      suffix = url && url.pathname.endsWith(`/${repo.path}/tags/list`) ? `/tags/list${url.search}` : '';
    }
    return tags;
  }

  /** Compressed size of an image: its config and layers as the manifest lists them. */
  static imageSize(manifest: Manifest): number | null {
    try {
      const doc = JSON.parse(manifest.body.toString('utf8')) as { config?: { size?: number }; layers?: { size?: number }[] };
      if (!doc.layers) return null;
      return (doc.config?.size ?? 0) + doc.layers.reduce((sum, l) => sum + (l.size ?? 0), 0);
    } catch {
      return null;
    }
  }

  private base(repo: Repository): string {
    const host = repo.registry === 'docker.io' ? 'registry-1.docker.io' : repo.registry;
    return `${isLoopbackRegistry(repo.registry) ? 'http' : 'https'}://${host}/v2/${repo.path}`;
  }

  private async request(
    repo: Repository,
    method: string,
    suffix: string,
    headers: Record<string, string>,
    body?: Buffer,
  ): Promise<HttpResponse> {
    const url = `${this.base(repo)}${suffix}`;
    // Reading asks for pull alone: an anonymous or read-only login may not be granted push.
    const scope = `repository:${repo.path}:${method === 'GET' || method === 'HEAD' ? 'pull' : 'pull,push'}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const known = await this.authorization(repo, scope, null);
        let res = await this.send(url, method, { ...headers, ...(known ? { Authorization: known } : {}) }, body);
        if (res.status === 401) {
          const fresh = await this.authorization(repo, scope, res.headers['www-authenticate'] ?? '');
          if (fresh) res = await this.send(url, method, { ...headers, Authorization: fresh }, body);
        }
        if ((res.status === 429 || res.status >= 500) && attempt < this.retries) {
          await sleep(this.waitMs(res, attempt));
          continue;
        }
        return res;
      } catch (err) {
        if (attempt >= this.retries) {
          const cause = (err as { cause?: Error }).cause;
          throw new RegistryError(`${method} ${url}: ${(err as Error).message}${cause ? ` (${cause.message})` : ''}`, null);
        }
        await sleep(backoffMs(attempt + 1, 500));
      }
    }
  }

  /**
   * Before another attempt: a 429 (or 503) waits as long as its Retry-After asks, cut to
   * maxRetryAfterMs (the OCI distribution-spec: a 429 TOOMANYREQUESTS "SHOULD include a
   * Retry-After header"); without one, the usual backoff (GHCR puts its hint in the error text).
   */
  private waitMs(res: HttpResponse, attempt: number): number {
    return retryWaitMs(res, attempt, 500, this.maxRetryAfterMs);
  }

  /** "429 Too Many Requests: <the registry's error text>", for a RegistryError. */
  private failure(res: HttpResponse): string {
    const text = res.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
    const n = this.retries + 1;
    const tries = res.status === 429 || res.status >= 500 ? ` (after ${n} attempt${n === 1 ? '' : 's'})` : '';
    return `${res.status} ${res.statusText}${tries}${text ? `: ${text}` : ''}`;
  }

  private async send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpResponse> {
    this.requests++;
    if (method === 'GET' && url.includes('/manifests/')) this.manifestGets++;
    return httpRequest(url, { method, headers, ...(body ? { body } : {}), timeoutMs: 60_000 });
  }

  /**
   * The Authorization for a scope: with `challenge` null, the one kept for it (a token is asked
   * for first when the registry's challenge is known but this scope has none yet, so a push never
   * goes out with a pull token); with a new challenge (a 401), a fresh one.
   */
  private async authorization(repo: Repository, scope: string, challenge: string | null): Promise<string | null> {
    if (challenge) this.challenges.set(repo.registry, challenge);
    const known = challenge ?? this.challenges.get(repo.registry);
    if (!known || !/^(Basic|Bearer)\b/i.test(known)) return null;
    const params = challengeParams(known);
    const key = /^Basic/i.test(known) ? `basic ${repo.registry}` : `${params.realm ?? ''} ${params.service ?? ''} ${scope}`;
    const kept = this.tokens.get(key);
    if (kept && challenge === null) return kept;
    const fresh = await this.authorize(repo, known, scope);
    if (fresh) this.tokens.set(key, fresh);
    else this.tokens.delete(key);
    return fresh;
  }

  /** Answer a challenge: Basic with the stored credentials, or a Bearer token for `scope` from the realm. */
  private async authorize(repo: Repository, challenge: string, scope: string): Promise<string | null> {
    const creds = await credentialsFor(repo.registry, this.env);
    if (creds) this.mask(creds.password);
    if (/^Basic/i.test(challenge)) {
      return creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : null;
    }
    if (!/^Bearer/i.test(challenge)) return null;
    const params = challengeParams(challenge);
    if (!params.realm) return null;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', scope);
    const res = await httpRequest(tokenUrl, {
      headers: creds ? { Authorization: `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` } : {},
      timeoutMs: 30_000,
    });
    this.requests++;
    if (!res.ok) return null;
    const json = JSON.parse(res.body.toString('utf8')) as { token?: string; access_token?: string };
    const token = json.token ?? json.access_token;
    if (token) this.mask(token);
    return token ? `Bearer ${token}` : null;
  }
}

/** The key="value" pairs of a WWW-Authenticate challenge. */
function challengeParams(challenge: string): Record<string, string> {
  return Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; identitytoken?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** Credentials for a registry from the docker config, as `docker login` stores them. */
export async function credentialsFor(registry: string, env: NodeJS.ProcessEnv): Promise<Credentials | null> {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || homedir(), '.docker');
  let config: DockerConfig;
  try {
    config = JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return null;
  }
  const names =
    registry === 'docker.io'
      ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io']
      : [registry, `https://${registry}`, `http://${registry}`];
  const helper = names.map((n) => config.credHelpers?.[n]).find(Boolean) ?? config.credsStore;
  if (helper && /^[\w.-]+$/.test(helper)) {
    const res = await execCapture(`docker-credential-${helper}`, ['get'], { input: names[0], env, timeoutMs: 30_000 });
    if (res.code === 0) {
      try {
        const c = JSON.parse(res.output) as { Username?: string; Secret?: string };
        if (c.Username && c.Secret) return { username: c.Username, password: c.Secret };
      } catch {
        // fall through to auths
      }
    }
  }
  for (const n of names) {
    const entry = config.auths?.[n];
    if (entry?.auth) {
      const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
  }
  return null;
}
