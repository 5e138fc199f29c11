import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { isLoopbackRegistry, type Repository } from '../image/reference.js';
import { backoffMs } from '../image/retry.js';
import { execCapture } from './exec.js';
import { httpRequest, type HttpResponse } from './http.js';

/**
 * A small client for the OCI distribution API: look up, read and re-tag
 * manifests. Credentials come from the docker config (as docker/login-action
 * leaves them), including credential helpers; they are never logged.
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
  private readonly tokens = new Map<string, string>();
  /** requests sent, for the benchmark and the "one request per entry" check */
  requests = 0;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private readonly retries = 2,
    /** told every credential read, so the runner can mask it (core.setSecret) before anything could print it */
    private readonly mask: (secret: string) => void = () => {},
  ) {}

  /** The manifest's digest, or null when the tag does not exist. */
  async head(repo: Repository, reference: string): Promise<ManifestHead | null> {
    const res = await this.request(repo, 'HEAD', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`HEAD ${repo.registry}/${repo.path}:${reference}: ${res.status} ${res.statusText}`, res.status);
    return { digest: res.headers['docker-content-digest'] ?? '', mediaType: res.headers['content-type'] ?? '' };
  }

  async get(repo: Repository, reference: string): Promise<Manifest | null> {
    const res = await this.request(repo, 'GET', `/manifests/${reference}`, { Accept: MANIFEST_TYPES });
    if (res.status === 404) return null;
    if (!res.ok) throw new RegistryError(`GET ${repo.registry}/${repo.path}:${reference}: ${res.status} ${res.statusText}`, res.status);
    return { digest: res.headers['docker-content-digest'] ?? '', mediaType: res.headers['content-type'] ?? '', body: res.body };
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

  /** A blob (config or layer), following the redirect registries use for storage, without credentials. */
  async blob(repo: Repository, digest: string): Promise<Buffer> {
    let res = await this.request(repo, 'GET', `/blobs/${digest}`, {});
    for (let hops = 0; res.status >= 300 && res.status < 400 && res.headers.location && hops < 5; hops++) {
      res = await httpRequest(new URL(res.headers.location, this.base(repo)), { timeoutMs: 600_000 });
    }
    if (!res.ok)
      throw new RegistryError(`GET blob ${digest} of ${repo.registry}/${repo.path}: ${res.status} ${res.statusText}`, res.status);
    return res.body;
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
    const scopeKey = `${repo.registry}/${repo.path}`;
    for (let attempt = 0; ; attempt++) {
      try {
        const auth = this.tokens.get(scopeKey);
        let res = await this.send(url, method, { ...headers, ...(auth ? { Authorization: auth } : {}) }, body);
        if (res.status === 401) {
          const challenge = res.headers['www-authenticate'] ?? '';
          const authorization = await this.authorize(repo, challenge, method !== 'GET' && method !== 'HEAD');
          if (authorization) {
            this.tokens.set(scopeKey, authorization);
            res = await this.send(url, method, { ...headers, Authorization: authorization }, body);
          }
        }
        if (res.status >= 500 && attempt < this.retries) {
          await sleep(backoffMs(attempt + 1, 500));
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

  private async send(url: string, method: string, headers: Record<string, string>, body?: Buffer): Promise<HttpResponse> {
    this.requests++;
    return httpRequest(url, { method, headers, ...(body ? { body } : {}), timeoutMs: 60_000 });
  }

  /** Answer a 401 challenge: Basic with the stored credentials, or a Bearer token from the realm. */
  private async authorize(repo: Repository, challenge: string, push: boolean): Promise<string | null> {
    const creds = await credentialsFor(repo.registry, this.env);
    if (creds) this.mask(creds.password);
    if (/^Basic/i.test(challenge)) {
      return creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString('base64')}` : null;
    }
    if (!/^Bearer/i.test(challenge)) return null;
    const params = Object.fromEntries([...challenge.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (!params.realm) return null;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    // Reading asks for pull alone: an anonymous or read-only login may not be granted push.
    tokenUrl.searchParams.set('scope', `repository:${repo.path}:${push ? 'pull,push' : 'pull'}`);
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
