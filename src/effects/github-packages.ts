import { httpRequest } from './http.js';
import { isRecord } from '../json.js';

/**
 * GHCR's deletes. ghcr.io does not delete manifests through the registry API; GitHub's REST API
 * does, per package version: a container package's versions are its manifests, each named by its
 * digest ("List package versions for a package owned by an organization" / "... by a user", then
 * "Delete package version ..."; docs.github.com/rest/packages). Answers are bounded and read as
 * untrusted JSON.
 */

export interface PackageDeletes {
  deleted: number;
  errors: string[];
}

/** Most versions listed: 100 pages of 100. */
const MAX_PAGES = 100;
const MAX_PAGE_BYTES = 8 * 1024 * 1024;

export class GithubPackages {
  constructor(
    /** GITHUB_API_URL: https://api.github.com, or a GitHub Enterprise Server's */
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  /** Delete the versions of ghcr.io/<owner>/<name> whose digests are given; a digest with no version is already gone. */
  async deleteDigests(owner: string, name: string, digests: string[]): Promise<PackageDeletes> {
    const found = await this.versions(owner, name);
    if (typeof found === 'string') return { deleted: 0, errors: [found] };
    const errors: string[] = [];
    let deleted = 0;
    for (const digest of digests) {
      const id = found.ids.get(digest);
      if (id === undefined) continue;
      const res = await this.call('DELETE', `${found.base}/${id}`);
      if (res.status === 204 || res.ok) deleted++;
      else errors.push(`DELETE package version ${id} (${digest}) of ${owner}/${name}: ${this.why(res.status, res.body)}`);
      // Without the right to delete, every delete fails alike: one answer is enough.
      if (res.status === 401 || res.status === 403) break;
    }
    return { deleted, errors };
  }

  /** The package's versions by digest, from the organisation's packages or else the user's; or why not. */
  private async versions(owner: string, name: string): Promise<{ base: string; ids: Map<string, number> } | string> {
    const pkg = encodeURIComponent(name);
    for (const kind of ['orgs', 'users']) {
      const base = `${this.apiUrl}/${kind}/${encodeURIComponent(owner)}/packages/container/${pkg}/versions`;
      const ids = new Map<string, number>();
      for (let page = 1; page <= MAX_PAGES; page++) {
        const res = await this.call('GET', `${base}?per_page=100&page=${page}`);
        if (res.status === 404 && page === 1) break; // not this kind of owner: try the other
        if (!res.ok) return `GET ${base}: ${this.why(res.status, res.body)}`;
        let list: unknown;
        try {
          list = JSON.parse(res.body.toString('utf8'));
        } catch {
          return `GET ${base}: the answer is not JSON`;
        }
        if (!Array.isArray(list)) return `GET ${base}: the answer is not a list of versions`;
        for (const v of list) {
          if (isRecord(v) && Number.isSafeInteger(v.id) && typeof v.name === 'string' && /^sha256:[0-9a-f]{64}$/.test(v.name)) {
            ids.set(v.name, v.id as number);
          }
        }
        if (list.length < 100) return { base, ids };
      }
      if (ids.size) return { base, ids };
    }
    return (
      `${owner}/${name} is no container package this token can see ` +
      `(GET .../packages/container/${name}/versions: 404 for orgs and users)`
    );
  }

  private call(method: string, url: string): ReturnType<typeof httpRequest> {
    return httpRequest(url, {
      method,
      headers: {
        Accept: 'application/vnd.github+json',
        Authorization: `Bearer ${this.token}`,
        'X-GitHub-Api-Version': '2022-11-28',
        'User-Agent': 'gpu-image-matrix',
      },
      timeoutMs: 30_000,
      maxBytes: MAX_PAGE_BYTES,
    });
  }

  private why(status: number, body: Buffer): string {
    const message = (() => {
      try {
        const doc = JSON.parse(body.toString('utf8')) as unknown;
        return isRecord(doc) && typeof doc.message === 'string' ? doc.message.slice(0, 200) : '';
      } catch {
        return '';
      }
    })();
    const hint =
      status === 401 || status === 403
        ? ' (the token needs to delete this package: GITHUB_TOKEN of a repository with admin access to it, or a token with delete:packages)'
        : '';
    return `${status}${message ? ` ${message}` : ''}${hint}`;
  }
}
