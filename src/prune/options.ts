import type { Inputs } from '../inputs/table.js';
import { parseImage } from '../image/options.js';
import type { Repository } from '../image/reference.js';
import { parseBoolean, parseWholeNumber } from '../inputs/values.js';

/** Settings of prune. */
export interface PruneOptions {
  repository: Repository;
  /** content tags kept per entry key, newest first */
  keep: number;
  /** delete (true), or only say what would go (false, the default) */
  apply: boolean;
  /** extra attempts after a transient registry error */
  retries: number;
}

export function parsePruneOptions(inputs: Inputs): PruneOptions {
  return {
    repository: parseImage(inputs.get('image'), inputs.field('image')),
    keep: parseWholeNumber(inputs.get('keep'), inputs.field('keep'), { min: 1, max: 1000, fallback: 3 }),
    apply: parseBoolean(inputs.get('prune-apply'), inputs.field('prune-apply'), false),
    retries: parseWholeNumber(inputs.get('retries'), inputs.field('retries'), { min: 0, max: 10, fallback: 2 }),
  };
}
