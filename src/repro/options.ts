import { UserError, listWords, quote } from '../errors.js';
import { PLACEHOLDERS } from '../image/options.js';

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

export function parseReproOptions(
  raw: { sourceDateEpoch?: string | undefined; baseline?: string | undefined; failOn?: string | undefined },
  names: { sourceDateEpoch: string; baseline: string; failOn: string },
): ReproOptions {
  const failOn = (raw.failOn ?? '').trim().toLowerCase() || 'nondeterministic';
  if (!(FAIL_ON as readonly string[]).includes(failOn)) {
    throw new UserError(`${names.failOn}: ${quote(raw.failOn)} is not valid; accepted: ${listWords([...FAIL_ON])}`);
  }
  const options: ReproOptions = { failOn: failOn as FailOn };
  const epoch = (raw.sourceDateEpoch ?? '').trim();
  if (epoch) {
    if (!/^\d{1,11}$/.test(epoch))
      throw new UserError(
        `${names.sourceDateEpoch}: ${quote(epoch)} is not valid; accepted: seconds since 1970 (e.g. 0 or the commit time)`,
      );
    options.sourceDateEpoch = Number(epoch);
  }
  const baseline = (raw.baseline ?? '').trim();
  if (baseline) {
    for (const m of baseline.matchAll(/\{([^}]*)\}/g)) {
      if (m[1] !== 'image' && !(PLACEHOLDERS as readonly string[]).includes(m[1] ?? '')) {
        throw new UserError(
          `${names.baseline}: unknown placeholder {${m[1]}}; accepted: {image}, ${PLACEHOLDERS.map((p) => `{${p}}`).join(', ')}`,
        );
      }
    }
    if (/\s/.test(baseline)) throw new UserError(`${names.baseline}: ${quote(baseline)} contains whitespace`);
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
