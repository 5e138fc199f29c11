import { UserError, quote } from '../errors.js';
import { checkPlaceholders } from '../inputs/placeholders.js';
import type { Inputs } from '../inputs/table.js';
import { parseChoice } from '../inputs/values.js';

/** The reproducibility check's settings, as both entry points read them. Pure. */

export const FAIL_ON = ['nondeterministic', 'drift', 'both', 'none'] as const;
export type FailOn = (typeof FAIL_ON)[number];

export interface ReproOptions {
  /** seconds since 1970; the commit time of HEAD when absent */
  sourceDateEpoch?: number;
  /** baseline image template, e.g. "{image}:{tag}" or "ghcr.io/acme/pt:{tag}-main" */
  baseline?: string;
  failOn: FailOn;
}

export function parseReproOptions(inputs: Inputs): ReproOptions {
  const options: ReproOptions = { failOn: parseChoice(inputs.get('fail-on'), inputs.field('fail-on'), FAIL_ON, 'nondeterministic') };
  const epoch = (inputs.get('source-date-epoch') ?? '').trim();
  if (epoch) {
    if (!/^\d{1,11}$/.test(epoch)) {
      throw new UserError(
        `${inputs.field('source-date-epoch')}: ${quote(epoch)} is not valid; accepted: seconds since 1970 (e.g. 0 or the commit time)`,
      );
    }
    options.sourceDateEpoch = Number(epoch);
  }
  const baseline = (inputs.get('baseline') ?? '').trim();
  if (baseline) {
    checkPlaceholders(baseline, 'baseline', inputs.field('baseline'));
    if (/\s/.test(baseline)) throw new UserError(`${inputs.field('baseline')}: ${quote(baseline)} contains whitespace`);
    options.baseline = baseline;
  }
  return options;
}

/** Whether the results fail the step under fail-on. */
export function reproFails(
  failOn: FailOn,
  results: { determinism?: { deterministic: boolean }; impact?: { drift: boolean }; status: string }[],
): string[] {
  const reasons: string[] = [];
  if (results.some((r) => r.status === 'failed')) reasons.push('the check could not run for every entry');
  const nondeterministic = results.some((r) => r.determinism && !r.determinism.deterministic);
  const drift = results.some((r) => r.impact?.drift);
  if ((failOn === 'nondeterministic' || failOn === 'both') && nondeterministic) reasons.push('an image is not reproducible');
  if ((failOn === 'drift' || failOn === 'both') && drift) reasons.push('an image differs from its baseline');
  return reasons;
}
