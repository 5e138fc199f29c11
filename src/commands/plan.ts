import { bundledCompat, mergeCompatFile } from '../compat/load.js';
import type { CompatData } from '../compat/schema.js';
import { resolvePlan, type Plan } from '../matrix/resolve.js';
import { parseMatrixSpec } from '../matrix/spec.js';
import type { Request } from '../request.js';

/** `plan`: the request's matrix spec resolved against the release data (bundled, plus compat-file). */
export function planCommand(request: Request): Plan {
  const spec = parseMatrixSpec(request.matrix.text, request.matrix.origin);
  return resolvePlan(spec, compatFor(request), { maxEntries: request.maxEntries });
}

export function compatFor(request: Request): CompatData {
  const bundled = bundledCompat();
  if (!request.compatFile) return bundled;
  return mergeCompatFile(bundled, request.compatFile.text, request.compatFile.origin);
}
