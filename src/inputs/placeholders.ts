import { UserError } from '../errors.js';
import { FRAMEWORKS, frameworkOf, frameworkVersion, type MatrixEntry } from '../frameworks/index.js';

/**
 * {placeholders} in templates filled per entry: one vocabulary and one renderer for the three
 * inputs that take them (tags, base-image, baseline). Pure.
 */

/**
 * What the run gives, not the entry (tags only): {sha} (7 characters of the commit), {ref} (the
 * branch or tag, made a valid tag; pr-<number> for a pull request), {pr} (the pull request's
 * number), {date} (UTC YYYYMMDD). A tag line whose value the run does not have (no {pr} on a push)
 * is left out of that run's tags.
 */
export const RUN_PLACEHOLDERS = ['sha', 'ref', 'pr', 'date'] as const;
export type RunValues = Partial<Record<(typeof RUN_PLACEHOLDERS)[number], string>>;

/** Every placeholder, in the order messages list them. */
export const PLACEHOLDERS: readonly string[] = [
  'image',
  'tag',
  'key',
  'framework',
  'version',
  ...FRAMEWORKS.flatMap((f) => f.placeholderNames),
  // the framework's major.minor: {torchMinor} "2.8", {tensorflowMinor}, {jaxMinor}
  ...FRAMEWORKS.map((f) => `${f.key}Minor`),
  'cuda',
  'cudaMajor',
  'cudaFull',
  'cudaVariant',
  'cudnn',
  'cudnnMajor',
  'python',
  'os',
  'ubuntu',
  'flavor',
  ...RUN_PLACEHOLDERS,
];

/**
 * Where a template is used, and what it cannot name there: {image} is the repository (which a
 * tag line names by writing a full reference), and an entry's tag and key depend on its base
 * image, so base-image cannot use them.
 */
export type PlaceholderUse = 'tags' | 'base-image' | 'baseline' | 'aliases';
const NOT_IN: Record<PlaceholderUse, readonly string[]> = {
  tags: ['image'],
  'base-image': ['image', 'tag', 'key', ...RUN_PLACEHOLDERS],
  baseline: [...RUN_PLACEHOLDERS],
  // aliases are decided with the plan, before a run's commit or date is asked
  aliases: ['image', 'tag', 'key', ...RUN_PLACEHOLDERS],
};

export function placeholdersFor(use: PlaceholderUse): string[] {
  return PLACEHOLDERS.filter((p) => !NOT_IN[use].includes(p));
}

/** Check a template's placeholders (the rest of its syntax is the caller's). */
export function checkPlaceholders(template: string, use: PlaceholderUse, field: string): void {
  const accepted = placeholdersFor(use);
  for (const m of template.matchAll(/\{([^}]*)\}/g)) {
    const name = m[1] ?? '';
    if (accepted.includes(name)) continue;
    const why = PLACEHOLDERS.includes(name)
      ? use === 'base-image' && !(RUN_PLACEHOLDERS as readonly string[]).includes(name)
        ? `: {${name}} is not available in base-image (an entry's tag and key depend on its base image)`
        : (RUN_PLACEHOLDERS as readonly string[]).includes(name)
          ? `: {${name}} is the run's, which only tags take`
          : `: {${name}} is not available in ${use}`
      : '';
    throw new UserError(`${field}: unknown placeholder {${name}}${why}; accepted: ${accepted.map((p) => `{${p}}`).join(', ')}`);
  }
}

/**
 * "2.4.1" -> "2.4"; a development build ("2.16.0.dev20261201", a torch nightly) -> "2.16.dev", so
 * that a moving tag like {torchMinor}-cuda{cudaMajor} never names the release it comes before.
 */
function minorOf(version: string): string {
  const minor = version.split('.').slice(0, 2).join('.');
  return /\.dev\d+$/.test(version) ? `${minor}.dev` : minor;
}

/** Fill a template's {placeholders} from an entry (and `extra`, e.g. {image}); unknown names become ''. */
export function renderPlaceholders(
  template: string,
  entry: Omit<MatrixEntry, 'tag' | 'key'> & { tag?: string; key?: string },
  extra: Record<string, string> = {},
): string {
  const e = entry as MatrixEntry;
  const values: Record<string, string> = {
    tag: entry.tag ?? '',
    key: entry.key ?? '',
    framework: e.framework,
    version: frameworkVersion(e),
    ...frameworkOf(e).placeholders(e),
    [`${frameworkOf(e).key}Minor`]: minorOf(frameworkVersion(e)),
    cuda: e.cuda,
    cudaMajor: e.cuda.split('.')[0] ?? '',
    cudaFull: e.cudaFull ?? e.cuda,
    cudaVariant: e.cudaVariant,
    cudnn: e.cudnn ?? '',
    cudnnMajor: e.cudnn?.split('.')[0] ?? '',
    python: e.python,
    os: e.os,
    ubuntu: e.os.replace(/^ubuntu/, ''),
    flavor: e.flavor,
    ...extra,
  };
  return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '');
}
