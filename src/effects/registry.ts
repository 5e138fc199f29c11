import { digestAlgorithm, imageBytes } from '../image/manifest.js';
import { isRecord } from '../json.js';
import { createHash, type Hash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { isLoopbackRegistry, type Repository } from '../image/reference.js';
import { backoffMs } from '../image/retry.js';
import { execCapture } from './exec.js';
import { BodyTooLarge, httpRequest, httpStream, retryWaitMs, type HttpResponse } from './http.js';

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

/**
 * The most a registry answer other than a blob may be: a manifest, an index, a page of tags, an
 * error. containerd reads manifests up to 4 MiB (images.ManifestLimit); registries take no larger.
 */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** The most a token realm's answer may be: a token is a few KiB. */
const MAX_TOKEN_BYTES = 1024 * 1024;

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
  /** per registry, why the last answer to its challenge may have been refused (credentials withheld, the realm's status), for its errors */
  private readonly authNotes = new Map<string, string>();
  /** warnings given, each once */
  private readonly warned = new Set<string>();
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
    /** told, once each, what the client declined to do (credentials withheld from a token realm) */
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** The manifest's digest ('' when the registry leaves Docker-Content-Digest out), or null when the tag does not exist. */
  async head(repo: Repository, reference: string): Promise<ManifestHead | null> {
    const res = await this.request(repo, 'HEAD', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`HEAD ${repo.registry}/${repo.path}:${reference}: ${this.failure(res, repo)}`, res.status);
    return { digest: res.headers['docker-content-digest'] ?? '', mediaType: res.headers['content-type'] ?? '' };
  }

  /** The manifest with its body: a pull on Docker Hub, so only when the body is needed. */
  async get(repo: Repository, reference: string): Promise<Manifest | null> {
    const res = await this.request(repo, 'GET', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`GET ${repo.registry}/${repo.path}:${reference}: ${this.failure(res, repo)}`, res.status);
    // Asked for by digest: the bytes must be those the digest names, whatever the registry says.
    const algorithm = digestAlgorithm(reference);
    if (algorithm) {
      const got = `${algorithm}:${createHash(algorithm).update(res.body).digest('hex')}`;
      if (got !== reference) {
        throw new RegistryError(
          `GET ${repo.registry}/${repo.path}@${reference}: the manifest's bytes hash to ${got}, not to the digest asked for`,
          res.status,
        );
      }
      return { digest: reference, mediaType: res.headers['content-type'] ?? '', body: res.body };
    }
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
   * as it arrives, following the redirect registries use for storage without credentials (no
   * Authorization, no cookie: nothing but the URL goes to the next hop, whatever its host).
   *
   * `size` is the descriptor's (the HEAD's Content-Length when not given): the stream ends with an
   * error as soon as the registry sends more, or at its end when it sent less or bytes that do not
   * hash to `digest`, so a reader never sees a clean end of wrong bytes. Nothing is buffered.
   */
  async blobStream(repo: Repository, digest: string, size?: number): Promise<BlobCheck> {
    const where = `blob ${digest} from ${repo.registry}/${repo.path}`;
    // The digest goes into the URL: a descriptor's digest that is not one (a path, a query) is refused first.
    if (!digestAlgorithm(digest)) {
      throw new RegistryError(
        `blob ${JSON.stringify(digest)} of ${repo.registry}/${repo.path}: ` +
          `${JSON.stringify(digest)} is not a digest (sha256: or sha512: and lowercase hex)`,
        null,
      );
    }
    if (size !== undefined && !(Number.isSafeInteger(size) && size >= 0))
      throw new RegistryError(`${where}: its descriptor's size ${JSON.stringify(size)} is not a byte count`, null);
    const suffix = `/blobs/${digest}`;
    const head = await this.request(repo, 'HEAD', suffix, {});
    if (head.status >= 400)
      throw new RegistryError(`HEAD blob ${digest} of ${repo.registry}/${repo.path}: ${head.status} ${head.statusText}`, head.status);
    const headLength =
      head.status === 200 && /^\d+$/.test(head.headers['content-length'] ?? '') ? Number(head.headers['content-length']) : null;
    const expected = size ?? headLength;
    if (expected === null || !Number.isSafeInteger(expected))
      throw new RegistryError(
        `${where}: its size is unknown (no descriptor size, no Content-Length), so its read could not be bounded`,
        null,
      );
    const auth = await this.authorization(repo, `repository:${repo.path}:pull`, null);
    this.requests++;
    let url = new URL(`${this.base(repo)}${suffix}`);
    let res = await httpStream(url, auth ? { headers: { Authorization: auth } } : {});
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.headers.location && hops < 5; hops++) {
      res.body.destroy();
      const next = URL.canParse(res.headers.location, url.href) ? new URL(res.headers.location, url) : null;
      if (next?.protocol !== 'https:' && next?.protocol !== 'http:')
        throw new RegistryError(
          `GET ${where}: redirected to ${JSON.stringify(res.headers.location.slice(0, 200))}, not an http or https URL`,
          res.status,
        );
      this.requests++;
      // No headers at all: a redirect may point anywhere (signed storage URLs carry their own access).
      res = await httpStream((url = next));
    }
    if (!res.ok) {
      res.body.destroy();
      throw new RegistryError(`GET blob ${digest} of ${repo.registry}/${repo.path}: ${res.status} ${res.statusText}`, res.status);
    }
    const declared = res.headers['content-length'];
    if (declared !== undefined && Number(declared) !== expected) {
      res.body.destroy();
      throw new RegistryError(`${where}: the registry says ${declared} bytes, its descriptor ${expected}`, res.status);
    }
    const check = new BlobCheck(digest, expected, where);
    const body = res.body;
    // The body's error (a reset, a cut) reaches the reader, named; the check's (too long) or the
    // reader's destroy closes the connection, so a registry cannot keep sending.
    body.on('error', (err) => {
      check.destroy(
        new RegistryError(
          `${where} broke off after ${check.received} of the ${expected} bytes its descriptor gives (${err.message})`,
          null,
        ),
      );
    });
    check.on('close', () => body.destroy());
    body.pipe(check);
    return check;
  }

  /**
   * The repository's tags, following the `Link: <...>; rel="next"` pages (distribution-spec
   * "Listing Tags"), at most `maxPages` of them: a public repository like nvidia/cuda has thousands.
   */
  async tags(repo: Repository, maxPages = 10): Promise<string[]> {
    return (await this.listTags(repo, maxPages)).tags;
  }

  /** The tags, and whether that is all of them (false: more pages were left unread). */
  async listTags(repo: Repository, maxPages = 10): Promise<{ tags: string[]; complete: boolean }> {
    const tags: string[] = [];
    let suffix = '/tags/list?n=1000';
    for (let page = 0; page < maxPages && suffix; page++) {
      const res = await this.request(repo, 'GET', suffix, { Accept: 'application/json' });
      if (!res.ok) throw new RegistryError(`GET tags of ${repo.registry}/${repo.path}: ${this.failure(res, repo)}`, res.status);
      let doc: unknown;
      try {
        doc = JSON.parse(res.body.toString('utf8'));
      } catch {
        throw new RegistryError(`GET tags of ${repo.registry}/${repo.path}: the answer is not JSON`, res.status);
      }
      const list = isRecord(doc) ? doc.tags : undefined;
      if (Array.isArray(list)) tags.push(...list.filter((t): t is string => typeof t === 'string' && t.length <= 128));
      const next = /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.link ?? '')?.[1];
      // The next page's path and query, kept within this repository's /tags/list; a link that is not a URL ends the pages.
      const url = next && URL.canParse(next, 'http://registry.invalid') ? new URL(next, 'http://registry.invalid') : null;
      suffix = url && url.pathname.endsWith(`/${repo.path}/tags/list`) ? `/tags/list${url.search}` : '';
    }
    return { tags, complete: suffix === '' };
  }

  /**
   * An image's config (a JSON object), read whole but bounded: configs are a few KiB, history of
   * hundreds of layers tens; null when it is larger than `maxBytes` or not a JSON object.
   */
  async config(
    repo: Repository,
    descriptor: { digest: string; size: number },
    maxBytes = 1024 * 1024,
  ): Promise<Record<string, unknown> | null> {
    if (descriptor.size > maxBytes) return null;
    const chunks: Buffer[] = [];
    for await (const chunk of await this.blobStream(repo, descriptor.digest, descriptor.size)) chunks.push(chunk as Buffer);
    try {
      const config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      return isRecord(config) ? config : null;
    } catch {
      return null;
    }
  }

  /** Delete a manifest by digest (and with it every tag on it); false when the registry had none. */
  async deleteManifest(repo: Repository, digest: string): Promise<boolean> {
    if (!digestAlgorithm(digest))
      throw new RegistryError(`DELETE ${repo.registry}/${repo.path}: ${JSON.stringify(digest)} is not a digest`, null);
    const res = await this.request(repo, 'DELETE', `/manifests/${digest}`, {});
    if (res.status === 404) return false;
    if (res.status === 202 || res.ok) return true;
    const why =
      res.status === 405
        ? 'the registry does not allow deletes (Distribution: storage.delete.enabled; GHCR deletes through its package API)'
        : this.failure(res, repo);
    throw new RegistryError(`DELETE ${repo.registry}/${repo.path}@${digest}: ${why}`, res.status);
  }

  /** Compressed size of an image: its config and layers as the manifest lists them. */
  static imageSize(manifest: Manifest): number | null {
    return imageBytes(manifest.body.toString('utf8'));
  }

  private base(repo: Repository): string {
    return `${isLoopbackRegistry(repo.registry) ? 'http' : 'https'}://${registryHost(repo.registry)}/v2/${repo.path}`;
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
    const actions = method === 'GET' || method === 'HEAD' ? 'pull' : method === 'DELETE' ? 'pull,push,delete' : 'pull,push';
    const scope = `repository:${repo.path}:${actions}`;
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
        // Too large an answer, or one the client refuses to act on: the same again would not help.
        if (attempt >= this.retries || err instanceof BodyTooLarge || err instanceof RegistryError) {
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
  private failure(res: HttpResponse, repo: Repository): string {
    const text = res.body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
    const n = this.retries + 1;
    const tries = res.status === 429 || res.status >= 500 ? ` (after ${n} attempt${n === 1 ? '' : 's'})` : '';
    const note = res.status === 401 || res.status === 403 ? this.authNotes.get(repo.registry) : undefined;
    return `${res.status} ${res.statusText}${tries}${text ? `: ${text}` : ''}${note ? `; ${note}` : ''}`;
  }

  private async send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpResponse> {
    this.requests++;
    if (method === 'GET' && url.includes('/manifests/')) this.manifestGets++;
    return httpRequest(url, { method, headers, ...(body ? { body } : {}), timeoutMs: 60_000, maxBytes: MAX_MANIFEST_BYTES });
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
    // Per registry too: a token one registry's credentials bought never goes to another that names the same realm.
    const key = /^Basic/i.test(known)
      ? `basic ${repo.registry}`
      : `${repo.registry} ${params.realm ?? ''} ${params.service ?? ''} ${scope}`;
    const kept = this.tokens.get(key);
    if (kept && challenge === null) return kept;
    const fresh = await this.authorize(repo, known, scope);
    if (fresh) this.tokens.set(key, fresh);
    else this.tokens.delete(key);
    return fresh;
  }

  /**
   * Answer a challenge: Basic with the stored credentials (a Basic challenge is answered to the
   * registry itself, never elsewhere), or a Bearer token for `scope` from the realm. The realm is
   * the registry's to name, but the credentials go there only where `mayCarryCredentials` allows
   * (https, the registry's own host, loopback); elsewhere the token is asked for without them, and
   * `warn` and the registry's next 401 or 403 say so.
   */
  private async authorize(repo: Repository, challenge: string, scope: string): Promise<string | null> {
    const creds = await credentialsFor(repo.registry, this.env);
    if (creds) this.mask(creds.password);
    this.authNotes.delete(repo.registry);
    if (/^Basic/i.test(challenge)) {
      return creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : null;
    }
    if (!/^Bearer/i.test(challenge)) return null;
    const params = challengeParams(challenge);
    if (!params.realm) return null;
    const tokenUrl = URL.canParse(params.realm) ? new URL(params.realm) : null;
    if (tokenUrl?.protocol !== 'https:' && tokenUrl?.protocol !== 'http:')
      throw new RegistryError(
        `${repo.registry} names a token realm that is not an http or https URL: ${JSON.stringify(params.realm.slice(0, 200))}`,
        null,
      );
    // Only what this client chooses goes with the request: no user or password from the realm itself.
    tokenUrl.username = '';
    tokenUrl.password = '';
    tokenUrl.hash = '';
    const realm = `${tokenUrl.origin}${tokenUrl.pathname}`;
    const notes: string[] = [];
    let send = creds;
    if (creds && !mayCarryCredentials(repo.registry, tokenUrl)) {
      send = null;
      const note = `credentials for ${repo.registry} not sent to realm ${realm}: not https, not the registry's host and not loopback`;
      notes.push(note);
      if (!this.warned.has(note)) {
        this.warned.add(note);
        this.warn(`${note}; asked for a token without them`);
      }
    }
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', scope);
    const res = await httpRequest(tokenUrl, {
      headers: send ? { Authorization: `Basic ${Buffer.from(`${send.username}:${send.password}`).toString('base64')}` } : {},
      timeoutMs: 30_000,
      maxBytes: MAX_TOKEN_BYTES,
    });
    this.requests++;
    if (!res.ok) notes.push(`the token realm ${realm} answered ${res.status} ${res.statusText}`.trimEnd());
    if (notes.length) this.authNotes.set(repo.registry, notes.join('; '));
    if (!res.ok) return null;
    let json: { token?: unknown; access_token?: unknown };
    try {
      json = JSON.parse(res.body.toString('utf8')) as typeof json;
    } catch {
      throw new RegistryError(`the token realm ${realm} of ${repo.registry} answered with something other than JSON`, null);
    }
    const token =
      typeof json.token === 'string' && json.token ? json.token : typeof json.access_token === 'string' ? json.access_token : '';
    // Masked when credentials bought it; an anonymous token is no secret, and masking a short word
    // a registry chose ("error") would hide it from the rest of the job's log.
    if (token && send && token.length >= 16) this.mask(token);
    return token ? `Bearer ${token}` : null;
  }
}

/**
 * A blob's bytes as they pass, checked against its descriptor: an error as soon as more than
 * `size` bytes arrive, and at the end when fewer did or they do not hash to `digest`.
 */
export class BlobCheck extends Transform {
  /** bytes taken so far */
  received = 0;
  private readonly hash: Hash;

  constructor(
    readonly digest: string,
    readonly size: number,
    /** what the errors name: "blob sha256:… from registry/repository" */
    private readonly where: string,
  ) {
    super();
    const algorithm = digestAlgorithm(digest);
    if (!algorithm) throw new RegistryError(`${where}: ${JSON.stringify(digest)} is not a digest this client can check`, null);
    this.hash = createHash(algorithm);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.received += chunk.length;
    if (this.received > this.size) {
      done(new RegistryError(`${this.where} sent more than the ${this.size} bytes its descriptor gives`, null));
      return;
    }
    this.hash.update(chunk);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.received < this.size) {
      done(new RegistryError(`${this.where} ended after ${this.received} of the ${this.size} bytes its descriptor gives`, null));
      return;
    }
    const got = `${this.digest.slice(0, this.digest.indexOf(':'))}:${this.hash.digest('hex')}`;
    done(got === this.digest ? null : new RegistryError(`${this.where}: its bytes hash to ${got}, not to its digest ${this.digest}`, null));
  }
}

/** The host a registry name is reached at: Docker Hub's API is not on docker.io. */
function registryHost(registry: string): string {
  return registry === 'docker.io' ? 'registry-1.docker.io' : registry;
}

/**
 * Whether the credentials for `registry` may go to a token realm it names: over https, to the
 * registry's own host (its hostname, any port), or to loopback (127.0.0.0/8, ::1, localhost, as
 * the URL parser writes them: an IPv4-mapped ::ffff:127.0.0.1 is not taken for loopback). Anything
 * else would send them over plain http to a host of the registry's choosing.
 */
export function mayCarryCredentials(registry: string, realm: string | URL): boolean {
  const url = typeof realm === 'string' ? (URL.canParse(realm) ? new URL(realm) : null) : realm;
  if (url?.protocol === 'https:') return true;
  if (url?.protocol !== 'http:') return false;
  const own = URL.canParse(`https://${registryHost(registry)}`) ? new URL(`https://${registryHost(registry)}`).hostname : null;
  return url.hostname === own || isLoopbackRegistry(url.host);
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
