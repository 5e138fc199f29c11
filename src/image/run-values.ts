import type { RunValues } from '../inputs/placeholders.js';

/**
 * What tag templates' {sha}, {ref}, {pr} and {date} take in a run, from what the runner (or the
 * CLI's git checkout) says. Pure: the caller reads the environment, the event and the clock.
 */
export interface RunFacts {
  /** GITHUB_SHA, else HEAD of the checkout */
  sha?: string | null;
  /** GITHUB_REF: refs/heads/main, refs/tags/v1.2, refs/pull/12/merge */
  ref?: string | null;
  /** the event's pull_request.number (pull_request_target runs carry the base branch as GITHUB_REF) */
  pullRequest?: number | null;
  now: Date;
}

/** A ref as a tag: characters a tag cannot hold become "-", no leading "." or "-", at most 128 (as docker/metadata-action does). */
export function refTag(name: string): string {
  return name
    .replace(/[^A-Za-z0-9_.-]/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 128);
}

export function runValues(facts: RunFacts): RunValues {
  const out: RunValues = { date: facts.now.toISOString().slice(0, 10).replace(/-/g, '') };
  if (facts.sha && /^[0-9a-f]{7,64}$/.test(facts.sha)) out.sha = facts.sha.slice(0, 7);
  const pull = /^refs\/pull\/(\d+)\//.exec(facts.ref ?? '');
  const pr = facts.pullRequest ?? (pull ? Number(pull[1]) : null);
  if (pr !== null && Number.isSafeInteger(pr) && pr > 0) {
    out.pr = String(pr);
    out.ref = `pr-${pr}`;
  } else if (facts.ref) {
    const name = facts.ref.replace(/^refs\/(heads|tags)\//, '');
    const tag = refTag(name);
    if (tag) out.ref = tag;
  }
  return out;
}
