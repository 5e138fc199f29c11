import { bundledCompat, mergeCompatFile } from '../compat/load.js';
import type { CompatData } from '../compat/schema.js';
import type { Customisation } from '../custom/customisation.js';
import { customisationFromEntry, emptyCustomisation, mergeCustomisation } from '../custom/customisation.js';
import { UserError, quote } from '../errors.js';
import { resolvePlan, resolvePlans, type Plan } from '../matrix/resolve.js';
import { parseMatrixSpecs, specFromObject } from '../matrix/spec.js';
import type { Request } from '../request.js';

/**
 * `plan`: the request's matrix spec resolved against the release data (bundled, plus
 * compat-file). With `entry` (one cell of an earlier plan, as a fan-out job's
 * `toJSON(matrix)` gives it) the plan is that entry alone, resolved again and
 * checked to be the same image.
 */
export function planCommand(request: Request): Plan {
  const data = compatFor(request);
  const customisation = request.customisation ?? emptyCustomisation();
  if (request.entry) return planOneEntry(request.entry.text, request.entry.origin, data, customisation);
  const specs = parseMatrixSpecs(request.matrix.text, request.matrix.origin);
  return resolvePlans(specs, data, { maxEntries: request.maxEntries, customisation });
}

function planOneEntry(text: string, origin: string, data: CompatData, inputs: Customisation): Plan {
  let cell: Record<string, unknown>;
  try {
    cell = JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new UserError(`${origin}: not the JSON of a planned matrix entry (${(err as Error).message})`);
  }
  const framework = cell?.framework === 'tensorflow' || cell?.framework === 'jax' ? cell.framework : 'pytorch';
  const versionField = framework === 'pytorch' ? 'torch' : framework;
  const fields = [versionField, 'cuda', 'python', 'os', 'flavor', 'key'] as const;
  for (const f of fields) {
    if (typeof cell?.[f] !== 'string') {
      throw new UserError(
        `${origin}: a planned matrix entry has ${fields.join(', ')} as strings; ${f} is ${quote(cell?.[f])}. Pass toJSON(matrix) from a job whose matrix is the plan's matrix output`,
      );
    }
  }
  // jax's CUDA is asked for by major (its wheel extra); the entry's cuda is the base image's minor.
  const cuda =
    framework === 'jax' && typeof cell.cudaVariant === 'string' && cell.cudaVariant.startsWith('cuda')
      ? cell.cudaVariant.slice(4)
      : cell.cuda;
  const spec = specFromObject(
    { include: [{ [versionField]: cell[versionField], cuda, python: cell.python, os: cell.os, flavor: cell.flavor }] },
    origin,
  );
  // The entry's own customisation wins over the inputs (as include items do in a plan).
  const customisation = mergeCustomisation(inputs, customisationFromEntry(cell.customisation, `${origin}.customisation`));
  const plan = resolvePlan(spec, data, { maxEntries: 1, customisation });
  const entry = plan.include[0];
  if (!entry || entry.key !== cell.key) {
    throw new UserError(
      `${origin}: entry ${quote(cell.key)} resolves to ${quote(entry?.key)} here: it was planned with other release data or other customisation inputs (the same compat-file, apt-packages, pip-packages, ... in both jobs?)`,
    );
  }
  return plan;
}

export function compatFor(request: Request): CompatData {
  const bundled = bundledCompat();
  if (!request.compatFile) return bundled;
  return mergeCompatFile(bundled, request.compatFile.text, request.compatFile.origin);
}
