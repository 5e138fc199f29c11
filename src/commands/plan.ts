import { bundledCompat, mergeCompatFile } from '../compat/load.js';
import type { ReleaseData } from '../frameworks/index.js';
import type { Customisation } from '../custom/customisation.js';
import { customisationFromEntry, emptyCustomisation, mergeCustomisation } from '../custom/customisation.js';
import { UserError, listWords, quote } from '../errors.js';
import { FRAMEWORKS, frameworkOf, frameworkVersion } from '../frameworks/index.js';
import { assignAliases, cachedResolver, parseAliasesText, type DefaultResolver } from '../matrix/aliases.js';
import { resolvePlan, resolvePlans, type Plan } from '../matrix/resolve.js';
import { parseMatrixSpecs, specFromObject } from '../matrix/spec.js';
import type { Request } from '../request.js';
import { templateCannotBuild } from '../template/dockerfile.js';
import { TAG } from '../image/reference.js';
import { withTorchNightlies } from '../effects/torch-nightly.js';
import { nightliesInSpecs, nightlyAsPlanned, nightlyOfEntry } from '../frameworks/torch-nightly.js';
import { isRecord } from '../json.js';
import { parseIndexUrl } from '../custom/customisation.js';
import { NIGHTLY_INDEX } from '../frameworks/pytorch.js';
import type { Runtime } from '../runtime.js';

/**
 * `plan`: the request's matrix spec resolved against the release data (releaseDataFor). With
 * `entry` (one cell of an earlier plan, as a fan-out job's `toJSON(matrix)` gives it) the plan is
 * that entry alone, resolved again and checked to be the same image.
 */
export function planCommand(request: Request, data: ReleaseData = compatFor(request)): Plan {
  const customisation = request.customisation ?? emptyCustomisation();
  if (request.entry) return planOneEntry(request.entry.text, request.entry.origin, data, customisation);
  const specs = parseMatrixSpecs(request.matrix.text, request.matrix.origin);
  const platforms = request.platforms ? { platforms: request.platforms } : {};
  const plan = withTemplateWarnings(resolvePlans(specs, data, { maxEntries: request.maxEntries, customisation, ...platforms }));
  const rules = [
    ...(request.aliases ? parseAliasesText(request.aliases.text, request.aliases.origin) : []),
    ...specs.flatMap((s) => s.aliases),
  ];
  return rules.length ? { ...plan, include: assignAliases(plan.include, rules, cachedResolver(defaultOf(data))) } : plan;
}

/**
 * What `cuda: default` or `python: default` resolves to for an entry's release, asked of the planner
 * itself (so an alias means by default what the matrix spec means by it); null where it resolves to nothing.
 */
function defaultOf(data: ReleaseData): DefaultResolver {
  return (entry, key) => {
    const framework = frameworkOf(entry);
    const item: Record<string, string> = { [framework.key]: frameworkVersion(entry), os: entry.os, flavor: entry.flavor };
    if (key === 'cuda') item.python = entry.python;
    else item.cuda = framework.cudaRequest(entry);
    item[key] = 'default';
    try {
      const found = resolvePlan(specFromObject({ include: [item] }, 'alias default'), data, { maxEntries: 1 }).include[0];
      return found ? (key === 'cuda' ? found.cudaVariant : found.python) : null;
    } catch {
      return null;
    }
  };
}

/**
 * Entries the embedded template cannot build are planned all the same (a dockerfile of one's own
 * may build them), with a warning now rather than a failed build later.
 */
function withTemplateWarnings(plan: Plan): Plan {
  const byReason = new Map<string, string[]>();
  for (const e of plan.include) {
    const why = templateCannotBuild(e);
    if (why) byReason.set(why, [...(byReason.get(why) ?? []), e.tag]);
  }
  const warnings = [...byReason].map(([why, tags]) => {
    const shown = tags.slice(0, 3).join(', ') + (tags.length > 3 ? ` and ${tags.length - 3} more` : '');
    return `${shown}: ${why}`;
  });
  return warnings.length ? { ...plan, warnings: [...plan.warnings, ...warnings] } : plan;
}

function planOneEntry(text: string, origin: string, data: ReleaseData, inputs: Customisation): Plan {
  let cell: Record<string, unknown>;
  try {
    cell = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${origin}: not the JSON of a planned matrix entry (${(err as Error).message})`);
  }
  // Entries planned before other frameworks came have no framework field: they are PyTorch's.
  const framework = cell?.framework === undefined ? FRAMEWORKS[0] : FRAMEWORKS.find((f) => f.id === cell.framework);
  if (!framework) {
    throw new UserError(`${origin}: framework ${quote(cell.framework)} is not one of ${listWords(FRAMEWORKS.map((f) => f.id))}`);
  }
  const fields = [framework.key, 'cuda', 'python', 'os', 'flavor', 'key'] as const;
  for (const f of fields) {
    if (typeof cell?.[f] !== 'string') {
      throw new UserError(
        `${origin}: a planned matrix entry has ${fields.join(', ')} as strings; ` +
          `${f} is ${quote(cell?.[f])}. Pass toJSON(matrix) from a job whose matrix is the plan's matrix output`,
      );
    }
  }
  // The cuda value that asks for this entry's variant (jax's is a major: its wheel extra).
  const cuda = framework.cudaRequest({
    ...cell,
    cudaVariant: typeof cell.cudaVariant === 'string' ? cell.cudaVariant : cell.cuda,
  } as never);
  // The platforms it was planned with (absent in an entry planned before platforms existed: the default).
  const platforms = cell.platforms === undefined ? {} : { platforms: cell.platforms };
  const spec = specFromObject(
    { include: [{ [framework.key]: cell[framework.key], cuda, python: cell.python, os: cell.os, flavor: cell.flavor, ...platforms }] },
    origin,
  );
  // The entry's own customisation wins over the inputs (as include items do in a plan).
  const customisation = mergeCustomisation(inputs, customisationFromEntry(cell.customisation, `${origin}.customisation`));
  const plan = resolvePlan(spec, data, { maxEntries: 1, customisation });
  const entry = plan.include[0];
  if (!entry || entry.key !== cell.key) {
    throw new UserError(
      `${origin}: entry ${quote(cell.key)} resolves to ${quote(entry?.key)} here: it was planned with other release ` +
        `data or other customisation inputs (the same compat-file, apt-packages, pip-packages, ... in both jobs?)`,
    );
  }
  // Aliases were decided over the whole plan: the entry carries its own.
  const aliases = entryAliases(cell.aliases, `${origin}.aliases`);
  return aliases.length ? { ...plan, include: [{ ...entry, aliases }] } : plan;
}

/** A planned entry's aliases field: tags, checked again (it came through a workflow). */
function entryAliases(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.length > 64 || !value.every((a) => typeof a === 'string' && TAG.test(a))) {
    throw new UserError(`${field}: expected the list of tags the plan gave this entry (e.g. ["latest"]); got ${quote(value)}`);
  }
  return value as string[];
}

/**
 * The release data a request plans with: the bundled data, its compat-file, and the torch nightlies
 * its matrix (or entry) asks for, read from the nightly index now so that planning stays pure.
 */
export async function releaseDataFor(request: Request, rt: Runtime): Promise<ReleaseData> {
  const data = compatFor(request);
  const input = request.customisation?.torchIndexUrl ?? null;
  const indexOf = (mirror: string | null): string =>
    mirror ? `${mirror.replace(/\/+$/, '')}/nightly/{variant}` : (data.indexUrls.nightly ?? NIGHTLY_INDEX);
  if (request.entry) {
    const cell = parseJson(request.entry.text);
    const ask = nightlyOfEntry(cell);
    if (!ask || !isRecord(cell)) return data;
    // The index the plan job read (the entry's own, less its variant), and what it read for this entry.
    const variant = typeof cell.cudaVariant === 'string' ? cell.cudaVariant : '';
    const own = typeof cell.indexUrl === 'string' && variant && cell.indexUrl.endsWith(`/${variant}`) ? cell.indexUrl : null;
    const index = own ? `${parseIndexUrl(own, `${request.entry.origin}.indexUrl`).slice(0, -variant.length)}{variant}` : indexOf(input);
    const read = await withTorchNightlies(data, ask, index, rt);
    return { ...read, torch: read.torch.map((r) => (r.status === 'nightly' ? nightlyAsPlanned(r, cell) : r)) };
  }
  const found = nightliesInSpecs(parseMatrixSpecs(request.matrix.text, request.matrix.origin));
  if (!found) return data;
  const mirrors = [...new Set([...found.mirrors].map((m) => m ?? input))];
  if (mirrors.length > 1) {
    throw new UserError(
      `torch nightly: the matrix's nightly entries name ${mirrors.map((m) => m ?? "PyTorch's index").join(' and ')} as their ` +
        'torch-index-url, and nightly reads one nightly index: give torch-index-url once (the input, or the top of the spec)',
    );
  }
  return withTorchNightlies(data, found.ask, indexOf(mirrors[0] ?? null), rt);
}

/** JSON text as a value, or null where it is not JSON (planOneEntry reports that). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function compatFor(request: Request): ReleaseData {
  const bundled = bundledCompat();
  if (!request.compatFile) return bundled;
  return mergeCompatFile(bundled, request.compatFile.text, request.compatFile.origin);
}
