import { UserError, quote } from '../errors.js';

/**
 * Image references: "ghcr.io/acme/pytorch", "127.0.0.1:5000/gim", "nvidia/cuda".
 * Parsed and validated here so that nothing malformed reaches docker or the registry.
 */

export interface Repository {
  /** registry host[:port] as written, "docker.io" when none was written */
  registry: string;
  /** the repository path on that registry, "library/ubuntu" for Docker Hub's official images */
  path: string;
}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const HOST = new RegExp(
  '^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::\\d{1,5})?$' +
    '|^\\[[0-9a-fA-F:]+\\](?::\\d{1,5})?$',
);
export const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const DOCKER_HUB = 'docker.io';

/**
 * Parse a repository without tag or digest. Capitals are lowercased, not refused: registries take
 * lowercase names only (the OCI distribution-spec's `<name>` is `[a-z0-9]+...`), and
 * `ghcr.io/${{ github.repository }}` keeps the owner's capitals. The notice that says so comes from
 * `lowercaseRepository`, called where the input is read.
 */
export function parseRepository(text: string, field: string): Repository {
  const t = text.trim();
  const accepted = 'a repository like ghcr.io/acme/pytorch or 127.0.0.1:5000/team/images (no tag)';
  if (t === '' || t.length > 255 || /[\s\u0000-\u001f\u007f]/.test(t))
    throw new UserError(`${field}: ${quote(text)} is not valid; accepted: ${accepted}`);
  const parts = t.split('/');
  let registry = DOCKER_HUB;
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost' || first.startsWith('['))) {
    if (!HOST.test(first))
      throw new UserError(`${field}: ${quote(text)} has an invalid registry host ${quote(first)}; accepted: ${accepted}`);
    registry = first.toLowerCase();
    parts.shift();
  }
  if (parts.some((p) => p.includes(':') || p.includes('@'))) {
    throw new UserError(
      `${field}: ${quote(text)} has a tag or digest; give the repository alone (tags come from the matrix and the tags input)`,
    );
  }
  const lower = parts.map((p) => p.toLowerCase());
  if (lower.length === 0 || lower.some((p) => !COMPONENT.test(p))) {
    throw new UserError(`${field}: ${quote(text)} is not valid; accepted: ${accepted}`);
  }
  const path = registry === DOCKER_HUB && lower.length === 1 ? `library/${lower[0]}` : lower.join('/');
  return { registry, path };
}

/**
 * A reference, or a template of one, with its repository part lowercased, and a notice for the
 * caller to log when that changed it. The tag (after the last `:` past the last `/`), a digest and
 * {placeholders} keep their case. docker/metadata-action lowercases image names the same way
 * (src/meta.ts `sanitizeImageName`), and buildx refuses capitals ("repository name must be lowercase").
 */
export function lowercaseRepository(text: string, field: string): { text: string; notice: string | null } {
  const at = text.indexOf('@');
  const name = at >= 0 ? text.slice(0, at) : text;
  const colon = name.lastIndexOf(':');
  const end = colon > name.lastIndexOf('/') ? colon : name.length;
  const repository = name
    .slice(0, end)
    .split(/(\{[^}]*\})/)
    .map((part, i) => (i % 2 === 1 ? part : part.toLowerCase()))
    .join('');
  const lowered = repository + text.slice(end);
  if (lowered === text) return { text, notice: null };
  return {
    text: lowered,
    notice:
      `${field}: ${quote(text)} has capitals in its repository name; using ${quote(lowered)} ` +
      `(registries take lowercase repository names only${end < name.length ? '; the tag keeps its case' : ''})`,
  };
}

/** The name docker and buildx use: "ghcr.io/acme/pytorch", "nvidia/cuda". */
export function repositoryName(repo: Repository): string {
  if (repo.registry === DOCKER_HUB) return repo.path.replace(/^library\//, '');
  return `${repo.registry}/${repo.path}`;
}

/** A full reference "repo:tag", validated. */
export function taggedReference(repo: Repository, tag: string, field: string): string {
  if (!TAG.test(tag)) {
    throw new UserError(
      `${field}: ${quote(tag)} is not a valid tag; accepted: letters, digits, _ . - (up to 128, not starting with . or -)`,
    );
  }
  return `${repositoryName(repo)}:${tag}`;
}

/** Split "repo:tag" into its repository and tag (the tag is required). */
export function parseTaggedReference(text: string, field: string): { repo: Repository; tag: string } {
  const at = text.lastIndexOf(':');
  const slash = text.lastIndexOf('/');
  if (at <= slash) throw new UserError(`${field}: ${quote(text)} has no tag; accepted: repository:tag`);
  const repo = parseRepository(text.slice(0, at), field);
  const tag = text.slice(at + 1);
  taggedReference(repo, tag, field);
  return { repo, tag };
}

/** Registries on the loopback interface are spoken to over plain HTTP, as dockerd and BuildKit do. */
export function isLoopbackRegistry(registry: string): boolean {
  const host = registry.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return host === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '::1';
}

/** Any image reference a FROM line takes: repository, optional tag (default latest), optional digest. */
export function parseImageReference(text: string, field: string): { repo: Repository; tag: string; digest: string | null } {
  const at = text.indexOf('@');
  const digest = at >= 0 ? text.slice(at + 1) : null;
  if (digest !== null && !/^sha256:[0-9a-f]{64}$/.test(digest))
    throw new UserError(`${field}: ${quote(text)} has an invalid digest; accepted: @sha256: and 64 hex digits`);
  const name = at >= 0 ? text.slice(0, at) : text;
  const colon = name.lastIndexOf(':');
  const slash = name.lastIndexOf('/');
  if (colon > slash) {
    const { repo, tag } = parseTaggedReference(name, field);
    return { repo, tag, digest };
  }
  return { repo: parseRepository(name, field), tag: 'latest', digest };
}
